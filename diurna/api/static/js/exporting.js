// Export what a view shows: its rows as CSV or JSON, its chart as a PNG, and its permalink (the
// address holds the whole state, filters included). Files are made in the page (Blob + download
// link): nothing is sent anywhere, and the CSP needs no exception.
import { el } from "./dom.js";

// RFC 4180 CSV of an array of flat objects (the columns of the first row, in order). A cell that a
// spreadsheet would run as a formula (= + - @ at its start) is prefixed with ' as the server does.
export function toCSV(rows) {
  if (!rows.length) return "";
  const columns = Object.keys(rows[0]);
  const cell = (value) => {
    let text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text) && !/^-?[0-9.]+$/.test(text)) text = "'" + text;
    return /[",\n\r]/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text;
  };
  return [columns.join(","), ...rows.map((row) => columns.map((c) => cell(row[c])).join(","))].join("\r\n") + "\r\n";
}

function save(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// The chart as a PNG: the SVG is copied with the styles the stylesheet gives it written onto each
// element (a standalone image does not see the page's CSS), drawn on a canvas at twice its size.
export function chartPNG(chart) {
  const copy = chart.cloneNode(true);
  const originals = [chart, ...chart.querySelectorAll("*")], copies = [copy, ...copy.querySelectorAll("*")];
  originals.forEach((node, i) => {
    const style = getComputedStyle(node);
    for (const name of ["fill", "stroke", "stroke-width", "stroke-opacity", "opacity", "font-size", "font-family",
      "font-weight", "visibility"]) copies[i].style.setProperty(name, style.getPropertyValue(name));
  });
  const box = chart.viewBox.baseVal;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("width", box.width);
  copy.setAttribute("height", box.height);
  const source = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(new XMLSerializer().serializeToString(copy));
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = box.width * 2;
      canvas.height = box.height * 2;
      const context = canvas.getContext("2d");
      context.fillStyle = "#fff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the chart could not be drawn"))), "image/png");
    };
    image.onerror = () => reject(new Error("the chart could not be drawn"));
    image.src = source;
  });
}

// The buttons under a chart or table: `rows()` gives the data shown, `chart` the SVG (or null).
export function exportBar(name, rows, chart = null) {
  const button = (text, action) => el("button", { type: "button", class: "secondary", text, onclick: action });
  return el("div", { class: "exports", id: name + "-exports" },
    el("span", { class: "muted small", text: "Export: " }),
    button("CSV", () => save(new Blob([toCSV(rows())], { type: "text/csv" }), `diurna-${name}.csv`)),
    button("JSON", () => save(new Blob([JSON.stringify(rows(), null, 1)], { type: "application/json" }), `diurna-${name}.json`)),
    chart ? button("PNG", () => chartPNG(chart).then((blob) => save(blob, `diurna-${name}.png`))) : null,
    el("a", { href: window.location.href, class: "permalink", text: "permalink",
      title: "the address of this view with its filters: bookmark or share it" }));
}
