// factflow review pages. Everything from the warehouse is put in the page as text (textContent,
// never innerHTML), so a document's own markup shows as text and never runs.
"use strict";

// A document page: a tooltip for the mark under the pointer or with the focus, and rows of the
// facts table that take you to their mark.
function documentPage() {
  const tooltip = document.getElementById("tooltip");
  const labels = [["value", "value"], ["modifier", "qualifier"], ["currency", "currency"], ["unit", "unit"],
    ["measure", "measure"], ["period", "period"], ["role", "role"], ["per", "per"], ["reason", "rejected"],
    ["rule", "rule"]];

  function show(element) {
    const data = element.dataset;
    const list = document.createElement("dl");
    const add = (term, text, className) => {
      const dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = term;
      dd.textContent = text;
      if (className) dd.className = className;
      list.append(dt, dd);
    };
    add("type", element.tagName === "DEL" ? data.factType + " (rejected)" : data.factType);
    if (data.clipped || element.tagName === "DEL" || element.textContent !== data.text) add("text", data.text || "");
    for (const [key, label] of labels) {
      if (data[key] !== undefined) add(label, data[key], key === "value" ? "value" : "");
    }
    tooltip.replaceChildren(list);
    tooltip.hidden = false;
    const box = element.getBoundingClientRect();
    const left = Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tooltip.offsetWidth - 8);
    tooltip.style.left = Math.max(left, 4) + "px";
    tooltip.style.top = box.bottom + window.scrollY + 6 + "px";
  }

  const factAt = (target) => target instanceof Element ? target.closest("mark, del.reject") : null;
  document.addEventListener("mouseover", (event) => { const fact = factAt(event.target); if (fact) show(fact); });
  document.addEventListener("mouseout", (event) => {
    const fact = factAt(event.target);
    if (fact && !fact.contains(event.relatedTarget) && document.activeElement !== fact) tooltip.hidden = true;
  });
  document.addEventListener("focusin", (event) => { const fact = factAt(event.target); if (fact) show(fact); });
  document.addEventListener("focusout", () => { tooltip.hidden = true; });

  function go(id, scroll) {
    const fact = document.getElementById(id);
    if (!fact) return;
    if (scroll) fact.scrollIntoView({ block: "center" });
    fact.focus({ preventScroll: true });
    fact.classList.remove("flash");
    void fact.offsetWidth;  // restart the animation
    fact.classList.add("flash");
    document.querySelectorAll("tr.current").forEach((row) => row.classList.remove("current"));
    document.querySelectorAll(`tr[data-target="${id}"]`).forEach((row) => row.classList.add("current"));
  }
  document.addEventListener("click", (event) => {
    const row = event.target instanceof Element ? event.target.closest("tr[data-target]") : null;
    if (!row) return;
    event.preventDefault();
    history.replaceState(null, "", "#" + row.dataset.target);
    go(row.dataset.target, true);
  });
  if (location.hash.length > 1) go(decodeURIComponent(location.hash.slice(1)), true);
}

// The index: the rows of the JSON island, sorted, filtered and shown a page at a time; the state
// lives in the address's fragment, so going back from a document returns to the same page.
function indexPage() {
  const rows = JSON.parse(document.getElementById("documents").textContent);
  const haystack = rows.map((row) => [row[1], row[2], row[9]].filter(Boolean).join("\n").toLowerCase());
  const order = rows.map((_, i) => i);
  const body = document.querySelector("#documents-table tbody");
  const filter = document.getElementById("filter"), status = document.getElementById("status");
  const pageSize = document.getElementById("page-size");
  const state = { sort: 1, descending: false, filter: "", status: "", page: 1, size: 100 };

  const params = new URLSearchParams(location.hash.slice(1));
  if (params.has("sort")) state.sort = Math.min(Math.max(parseInt(params.get("sort"), 10) || 1, 1), 9);
  state.descending = params.get("desc") === "1";
  state.filter = params.get("q") || "";
  state.status = params.get("status") || "";
  state.page = parseInt(params.get("page"), 10) || 1;
  state.size = Math.min(Math.max(parseInt(params.get("size"), 10) || 100, 1), 1000);  // any size a link asks for
  filter.value = state.filter;
  status.value = state.status;
  if (![...pageSize.options].some((option) => option.value === String(state.size))) pageSize.add(new Option(String(state.size)));
  pageSize.value = String(state.size);

  let sortedBy = null, shown = [];
  function compare(a, b) {
    const x = rows[a][state.sort], y = rows[b][state.sort];
    if (x === y) return rows[a][1] < rows[b][1] ? -1 : rows[a][1] > rows[b][1] ? 1 : 0;
    if (x === null) return 1;  // missing values last, whichever the direction
    if (y === null) return -1;
    const sign = state.descending ? -1 : 1;
    return (typeof x === "number" ? x - y : x < y ? -1 : 1) * sign;
  }
  function cell(text, className) {
    const td = document.createElement("td");
    td.textContent = text === null || text === undefined ? "" : String(text);
    if (className) td.className = className;
    return td;
  }
  function render() {
    const key = state.sort + (state.descending ? "d" : "a");
    if (sortedBy !== key) { order.sort(compare); sortedBy = key; }
    const needle = state.filter.toLowerCase();
    shown = order.filter((i) => (!state.status || rows[i][4] === state.status) && (!needle || haystack[i].includes(needle)));
    const pages = Math.max(1, Math.ceil(shown.length / state.size));
    state.page = Math.min(Math.max(state.page, 1), pages);
    const fragment = document.createDocumentFragment();
    for (const i of shown.slice((state.page - 1) * state.size, state.page * state.size)) {
      const row = rows[i], tr = document.createElement("tr");
      tr.className = row[4];
      const path = cell(row[10] ? "" : row[1]);
      if (row[10]) {
        const link = document.createElement("a");
        link.href = "docs/" + row[0] + ".html";
        link.textContent = row[1];
        path.append(link);
      }
      tr.append(path, cell(row[2]), cell(row[3]), cell(row[4]), cell(row[5], "number"), cell(row[6], "number"),
        cell(row[7], "number"), cell(row[8], "number"), cell(row[9]));
      fragment.append(tr);
    }
    body.replaceChildren(fragment);
    document.querySelectorAll("#documents-table th").forEach((th) => {
      th.setAttribute("aria-sort", Number(th.dataset.column) === state.sort ? (state.descending ? "descending" : "ascending") : "none");
    });
    document.getElementById("page-of").textContent = `page ${state.page} of ${pages}`;
    document.getElementById("shown").textContent = `${shown.length} of ${rows.length} documents`;
    document.getElementById("first").disabled = document.getElementById("previous").disabled = state.page === 1;
    document.getElementById("last").disabled = document.getElementById("next").disabled = state.page === pages;
    const fragmentState = new URLSearchParams({ sort: state.sort, desc: state.descending ? 1 : 0, page: state.page, size: state.size });
    if (state.filter) fragmentState.set("q", state.filter);
    if (state.status) fragmentState.set("status", state.status);
    history.replaceState(null, "", "#" + fragmentState);
  }

  document.querySelectorAll("#documents-table th").forEach((th) => th.querySelector("button").addEventListener("click", () => {
    const column = Number(th.dataset.column);
    state.descending = state.sort === column ? !state.descending : column >= 5 && column <= 8;  // counts: most first
    state.sort = column;
    state.page = 1;
    render();
  }));
  let typing = null;
  filter.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => { state.filter = filter.value; state.page = 1; render(); }, 120);
  });
  status.addEventListener("change", () => { state.status = status.value; state.page = 1; render(); });
  pageSize.addEventListener("change", () => { state.size = Number(pageSize.value); state.page = 1; render(); });
  document.querySelector("form.controls").addEventListener("submit", (event) => event.preventDefault());
  const turn = (to) => () => { state.page = to(); render(); };
  document.getElementById("first").addEventListener("click", turn(() => 1));
  document.getElementById("previous").addEventListener("click", turn(() => state.page - 1));
  document.getElementById("next").addEventListener("click", turn(() => state.page + 1));
  document.getElementById("last").addEventListener("click", turn(() => Infinity));
  render();
}

if (document.body.classList.contains("index-page")) indexPage();
else documentPage();
