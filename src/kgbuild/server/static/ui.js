// kgbuild query page: YASGUI's editor (Yasqe, when bundled) or a plain text area; queries run
// against /query and prepared queries against /queries/NAME, and both show their results in one
// table right under the editor: plain values (a date is 2018-12-09, not "2018-12-09"^^xsd:date),
// IRIs of this graph linking to their pages here, CSV/JSON download links.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const catalog = data.catalog;
  const base = data.base;
  const byName = Object.fromEntries(catalog.map((q) => [q.name, q]));
  const out = document.getElementById("results");
  const fallback = document.getElementById("fallback-editor");
  const PAGES = ["mission", "country", "organization", "election", "article"];
  let yasqe = null;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children) e.append(c);
    return e;
  }

  // the page of a data IRI on this server ({base}country/AZ -> /country/AZ), else null
  function localPage(iri) {
    if (!base || !iri.startsWith(base)) return null;
    const rest = iri.slice(base.length);
    const i = rest.indexOf("/");
    if (i < 0 || !PAGES.includes(rest.slice(0, i)) || /[/#]/.test(rest.slice(i + 1)) || i === rest.length - 1) return null;
    return "/" + rest;
  }

  function shortIri(iri) {
    if (base && iri.startsWith(base)) return iri.slice(base.length);
    for (const [p, ns] of Object.entries(data.prefixes)) if (iri.startsWith(ns) && iri.length > ns.length) return p + ":" + iri.slice(ns.length);
    return iri;
  }

  function cell(term) {
    if (!term) return "";
    if (term.type === "uri") {
      const page = localPage(term.value);
      if (page) return el("a", { href: page, title: term.value }, decodeURIComponent(page.slice(1)));
      if (/^https?:\/\//.test(term.value)) return el("a", { href: term.value, title: term.value, rel: "noopener noreferrer" }, shortIri(term.value));
      return shortIri(term.value);
    }
    if (term.type === "bnode") return "_:" + term.value;
    return term.value + (term["xml:lang"] ? " @" + term["xml:lang"] : "");
  }

  function table(json) {
    if (typeof json.boolean === "boolean") return el("p", { class: "boolean" }, "Answer: " + json.boolean);
    const vars = json.head.vars;
    const thead = el("thead", {}, el("tr", {}, ...vars.map((v) => el("th", { scope: "col" }, v))));
    const rows = json.results.bindings.map((b) => el("tr", {}, ...vars.map((v) => el("td", {}, cell(b[v])))));
    return el("div", { class: "table-wrap" }, el("table", { class: "results" }, thead, el("tbody", {}, ...rows)));
  }

  function showError(err) {
    out.replaceChildren(el("p", { class: "error", role: "alert" }, `${err.status} ${err.title}: ${err.detail}`));
    out.scrollIntoView({ block: "nearest" });
  }

  async function show(resp, title, csvHref, jsonHref, ms) {
    let body;
    const type = resp.headers.get("Content-Type") || "";
    if (type.includes("json")) body = await resp.json();
    else body = { error: { status: resp.status, title: resp.statusText, detail: (await resp.text()).slice(0, 500) } };
    if (!resp.ok) return showError(body.error);
    if (!body.head) {  // a graph (CONSTRUCT/DESCRIBE) comes as JSON-LD
      out.replaceChildren(el("h2", {}, title), el("pre", {}, JSON.stringify(body, null, 1)));
      return;
    }
    const n = body.results ? body.results.bindings.length : 1;
    const head = el("div", { class: "results-head" },
      el("h2", {}, title), " ", `${n} row${n === 1 ? "" : "s"} in ${ms} ms. Download: `,
      el("a", { href: csvHref, class: "dl-csv" }, "CSV"), " · ", el("a", { href: jsonHref, class: "dl-json" }, "JSON"));
    if (resp.headers.get("X-Result-Truncated")) head.append(el("p", { class: "warning" }, "Results were cut: " + resp.headers.get("X-Result-Truncated")));
    out.replaceChildren(head, table(body));
    out.scrollIntoView({ block: "nearest" });
  }

  async function runPrepared(form) {
    const name = form.dataset.name;
    const params = new URLSearchParams();
    for (const input of form.querySelectorAll("input")) if (input.value.trim()) params.append(input.name, input.value.trim());
    const url = `/queries/${encodeURIComponent(name)}?${params}`;
    const sep = params.toString() ? "&" : "";
    out.replaceChildren(el("p", {}, "Running " + name + "…"));
    out.dataset.query = name;
    const t0 = performance.now();
    const resp = await fetch(url, { headers: { Accept: "application/sparql-results+json" } });
    await show(resp, byName[name].title, `${url}${sep}format=csv`, `${url}${sep}format=json`, Math.round(performance.now() - t0));
  }

  function currentQuery() {
    return yasqe ? yasqe.getValue() : fallback.value;
  }

  // The prepared queries use LATERAL (SPARQL 1.2, which Oxigraph runs); the editor's SPARQL 1.1
  // grammar does not know it, so its syntax check is off for a text that uses it, and a note says so.
  const lateralNote = el("p", { class: "note", id: "lateral-note", hidden: "" },
    "This query uses LATERAL (SPARQL 1.2, run by Oxigraph); the editor's SPARQL 1.1 syntax check is off for it.");
  function syntaxCheck() {
    const lateral = /\bLATERAL\s*\{/i.test(yasqe.getValue().replace(/#.*$/gm, ""));
    yasqe.config.syntaxErrorCheck = !lateral;
    lateralNote.hidden = !lateral;
  }

  function setQuery(text) {
    if (yasqe) { yasqe.config.syntaxErrorCheck = !/\bLATERAL\s*\{/i.test(text.replace(/#.*$/gm, "")); yasqe.setValue(text); syntaxCheck(); }
    else fallback.value = text;
  }

  async function runEditor() {
    const query = currentQuery();
    out.replaceChildren(el("p", {}, "Running the query…"));
    out.dataset.query = "";
    const t0 = performance.now();
    const resp = await fetch("/query", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json, application/ld+json;q=0.9" },
      body: query,
    });
    const q = new URLSearchParams({ query });
    await show(resp, "Query results", `/query?${q}&format=csv`, `/query?${q}&format=json`, Math.round(performance.now() - t0));
  }

  // a prepared query's text uses the prefixes the server predeclares: declare them for the editor
  function withPrefixes(text) {
    const used = Object.keys(data.prefixes).filter((p) => new RegExp("(^|[^\\w:])" + p + ":").test(text.replace(/^#.*$/gm, "")));
    const declared = used.filter((p) => !new RegExp("PREFIX\\s+" + p + ":", "i").test(text));
    return declared.map((p) => `PREFIX ${p}: <${data.prefixes[p]}>`).join("\n") + (declared.length ? "\n" : "") + text;
  }

  for (const form of document.querySelectorAll("form.prepared")) {
    form.addEventListener("submit", (ev) => { ev.preventDefault(); runPrepared(form); });
    form.querySelector("button.edit").addEventListener("click", () => {
      setQuery(withPrefixes(byName[form.dataset.name].text));
      document.querySelector(".editor-pane").scrollIntoView({ block: "nearest" });
    });
  }
  for (const [id, fmt] of [["dl-csv", "csv"], ["dl-json", "json"]]) {
    const a = document.getElementById(id);
    a.addEventListener("click", () => { a.href = "/query?" + new URLSearchParams({ query: currentQuery(), format: fmt }); });
  }
  document.getElementById("run-editor").addEventListener("click", runEditor);

  if (window.Yasqe) {
    yasqe = new window.Yasqe(document.getElementById("yasqe"), {
      persistenceId: null, showQueryButton: false, resizeable: true, editorHeight: "320px",
      autocompleters: ["prefixes", "variables"],  // the others ask services on the network
      requestConfig: { endpoint: window.location.origin + "/query", method: "POST" },
    });
    yasqe.query = () => runEditor();  // Ctrl-Enter: our runner, our table
    yasqe.getInputField().setAttribute("aria-label", "SPARQL query");
    yasqe.on("change", syntaxCheck);
    document.querySelector(".editor-actions").before(lateralNote);
    setQuery(data.defaultQuery);
    window.kgbuildYasqe = yasqe;
  } else {
    fallback.hidden = false;
    fallback.addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) runEditor(); });
  }
})();
