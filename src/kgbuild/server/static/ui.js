// kgbuild query page: the YASGUI editor (when bundled) on /query, and the prepared queries as
// forms that call /queries/NAME and show a results table with CSV/JSON download links.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const defaultQuery = data.defaultQuery;
  const catalog = data.catalog;
  const byName = Object.fromEntries(catalog.map((q) => [q.name, q]));
  const out = document.getElementById("prepared-results");
  let yasgui = null;
  const fallback = document.getElementById("fallback-editor");

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children) e.append(c);
    return e;
  }

  function missionHref(iri) {
    const m = /\/mission\/([^/#?]+)$/.exec(iri);
    return m ? "/mission/" + m[1] : null;
  }

  function cell(term) {
    if (!term) return "";
    if (term.type === "uri") {
      const page = missionHref(term.value);
      return el("a", { href: page || term.value, title: term.value }, page ? decodeURIComponent(page.slice(9)) : term.value);
    }
    return term.value;
  }

  function table(json) {
    if (typeof json.boolean === "boolean") return el("p", { class: "boolean" }, "Answer: " + json.boolean);
    const vars = json.head.vars;
    const thead = el("thead", {}, el("tr", {}, ...vars.map((v) => el("th", {}, v))));
    const rows = json.results.bindings.map((b) => el("tr", {}, ...vars.map((v) => el("td", {}, cell(b[v])))));
    return el("table", { class: "results" }, thead, el("tbody", {}, ...rows));
  }

  function showError(target, err) {
    target.replaceChildren(el("p", { class: "error", role: "alert" }, `${err.status} ${err.title}: ${err.detail}`));
  }

  async function runPrepared(form) {
    const name = form.dataset.name;
    const params = new URLSearchParams();
    for (const input of form.querySelectorAll("input")) if (input.value.trim()) params.append(input.name, input.value.trim());
    const url = `/queries/${encodeURIComponent(name)}?${params}`;
    out.replaceChildren(el("p", {}, "Running " + name + "…"));
    const resp = await fetch(url, { headers: { Accept: "application/sparql-results+json" } });
    const body = await resp.json();
    if (!resp.ok) return showError(out, body.error);
    const sep = params.toString() ? "&" : "";
    const n = body.results ? body.results.bindings.length : 1;
    const head = el("div", { class: "results-head" },
      el("h2", {}, byName[name].title), " ", `${n} row${n === 1 ? "" : "s"}. Download: `,
      el("a", { href: `${url}${sep}format=csv`, class: "dl-csv", download: `${name}.csv` }, "CSV"), " · ",
      el("a", { href: `${url}${sep}format=json`, class: "dl-json", download: `${name}.json` }, "JSON"));
    if (resp.headers.get("X-Result-Truncated")) head.append(el("p", { class: "warning" }, "Results were cut: " + resp.headers.get("X-Result-Truncated")));
    out.replaceChildren(head, table(body));
    out.dataset.query = name;
  }

  function currentQuery() {
    return yasgui ? yasgui.getTab().getQuery() : fallback.value;
  }

  function setQuery(text) {
    if (yasgui) yasgui.getTab().setQuery(text);
    else fallback.value = text;
  }

  for (const form of document.querySelectorAll("form.prepared")) {
    form.addEventListener("submit", (ev) => { ev.preventDefault(); runPrepared(form); });
    form.querySelector("button.edit").addEventListener("click", () => setQuery(byName[form.dataset.name].text));
  }
  for (const [id, fmt] of [["dl-csv", "csv"], ["dl-json", "json"]]) {
    const a = document.getElementById(id);
    a.addEventListener("click", () => { a.href = "/query?" + new URLSearchParams({ query: currentQuery(), format: fmt }); });
  }

  if (window.Yasgui) {
    yasgui = new window.Yasgui(document.getElementById("yasgui"), {
      requestConfig: { endpoint: window.location.origin + "/query", method: "POST" },
      copyEndpointOnNewTab: false,
      endpointCatalogueOptions: { getData: () => [] },
      persistenceId: null,
      yasqe: { autocompleters: ["prefixes", "variables"] },
    });
    if (!yasgui.getTab().getQuery().includes("eo:")) yasgui.getTab().setQuery(defaultQuery);
    window.kgbuildYasgui = yasgui;
  } else {
    // no bundled editor: a plain text area with its own runner
    fallback.hidden = false;
    const run = el("button", { type: "button", id: "fallback-run" }, "Run query");
    const res = el("div", { id: "fallback-results" });
    fallback.after(run, res);
    run.addEventListener("click", async () => {
      const resp = await fetch("/query", {
        method: "POST",
        headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
        body: fallback.value,
      });
      const body = await resp.json();
      if (!resp.ok) return showError(res, body.error);
      res.replaceChildren(table(body));
    });
  }
})();
