"""The pipeline object itself: warm-up (what Ray workers call at start-up)."""
from diurna.pipeline import Pipeline

ARTICLE = ("ANKARA - Turkish President Recep Tayyip Erdogan on Tuesday accused Israel of war crimes in Gaza, "
           "and his foreign minister said Ankara would recall its ambassador.")


def test_warm_up_forgets_its_own_timings_and_leaves_later_coding_unchanged(pipeline):
    cold = pipeline.code_text(ARTICLE, "2024-05-07").to_record()
    warmed = Pipeline(stages=pipeline.stages)
    warmed.warm_up()
    assert set(warmed.timings.values()) == {0.0}
    after = warmed.code_text(ARTICLE, "2024-05-07").to_record()
    assert after.model_dump() == cold.model_dump()
    assert after.events, "the article reports an accusation"
