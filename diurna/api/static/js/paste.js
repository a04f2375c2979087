// Paste an article: code it on the spot (nothing is stored) and show the article view.
import { el, errorBox } from "./dom.js";
import { showDocument } from "./article.js";

export async function renderPaste(view) {
  const result = el("div", { id: "paste-result" });
  const form = el("form", { id: "paste-form" },
    el("p", {}, el("textarea", { name: "text", required: true, placeholder: "Paste the text of a news article" })),
    el("p", { class: "filters" }, el("label", {}, "Published", el("input", { type: "date", name: "published" })),
      el("button", { type: "submit", text: "Code it" })));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    result.replaceChildren(el("p", { class: "muted", text: "Coding…" }));
    const data = new FormData(form);
    if (!data.get("published")) data.delete("published");
    try {
      const response = await fetch("/api/code", { method: "POST", body: data });
      const body = await response.json();
      if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
      result.replaceChildren();
      showDocument(result, body);
      view.dataset.coded = "true";
    } catch (error) {
      result.replaceChildren(errorBox(error));
    }
  });
  view.append(el("h2", { text: "Paste an article" }), form, result);
}
