// Paste an article (or choose a plain-text file): the server codes it on the spot — nothing is
// stored — and the result is shown as an article view.
import { describeError, el, errorBox } from "./dom.js";
import { showDocument } from "./article.js";

const MAX_CHARS = 200000;     // the server's limit (diurna.api.app.MAX_TEXT_CHARS)

export async function renderPaste(view) {
  const result = el("div", { id: "paste-result", "aria-live": "polite" });
  const text = el("textarea", { name: "text", id: "paste-text", maxlength: MAX_CHARS,
    placeholder: "Paste the text of a news article: headline on the first line, then the body." });
  const file = el("input", { type: "file", name: "file", accept: ".txt,text/plain" });
  const counter = el("span", { class: "muted small", text: "0 characters" });
  const submit = el("button", { type: "submit", text: "Code it" });
  text.addEventListener("input", () => { counter.textContent = `${[...text.value].length} characters`; });
  const form = el("form", { id: "paste-form" }, text,
    el("div", { class: "filters" },
      el("label", {}, "Published", el("input", { type: "date", name: "published",
        title: "relative dates (“on Monday”) are resolved against it; today when empty" })),
      el("label", {}, "…or a text file", file), counter, el("div", { class: "buttons" }, submit)));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    if (!data.get("published")) data.delete("published");
    if (file.files.length) data.delete("text"); else data.delete("file");
    if (!file.files.length && !text.value.trim()) {
      result.replaceChildren(errorBox(new Error("paste a text or choose a file first")));
      return;
    }
    submit.disabled = true;
    result.dataset.coded = "false";
    result.replaceChildren(el("p", { class: "muted", text: "Coding…" }));
    try {
      const response = await fetch("/api/code", { method: "POST", body: data });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(describeError(body, response));
      result.replaceChildren();
      showDocument(result, body);
      result.dataset.coded = "true";
    } catch (error) {
      result.replaceChildren(errorBox(error));
    } finally {
      submit.disabled = false;
    }
  });
  view.append(el("h2", { text: "Paste an article" }),
    el("p", { class: "muted", text: "The text is coded with the server's pipeline and shown below; it is not stored." }),
    form, result);
}
