// factcheck editor page. Every piece of draft text reaches the page through textContent or
// text nodes, never innerHTML, and the page's Content-Security-Policy forbids inline script:
// a pasted <script> or <img onerror> is shown as text and runs nothing.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const draft = $("draft"), published = $("published"), rendered = $("rendered"), panel = $("panel");
  const status = $("status"), summary = $("summary"), workspace = document.querySelector(".workspace");
  const maxBytes = Number($("max-bytes").dataset.value);
  const LABELS = { consistent: "Consistent", misleading: "Misleading", contradicted: "Contradicted", unverified: "Unverified" };
  const STORAGE_KEY = "factcheck.draft";
  const DEBOUNCE_MS = 600;

  let report = null;        // the last report
  let reportText = "";      // the text it was computed on
  let toUnits = null;       // code point index -> UTF-16 index, or null when they are the same
  let sequence = 0;         // ignores answers to requests that a newer one replaced
  let timer = null;
  let selected = -1;
  const evidenceCache = new Map();

  // The report's offsets count Unicode code points (Python); JavaScript strings count UTF-16 units.
  function unitTable(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return null;
    const table = [];
    let unit = 0;
    for (const ch of text) { table.push(unit); unit += ch.length; }
    table.push(unit);
    return table;
  }
  const unit = (index) => (toUnits ? toUnits[index] : index);

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) node.append(child);
    return node;
  }

  function setStatus(message, isError = false) {
    status.textContent = message;
    status.classList.toggle("error", isError);
  }

  function toast(message) {
    const note = el("div", { class: "toast", role: "status", text: message });
    document.body.append(note);
    setTimeout(() => note.remove(), 2200);
  }

  function errorText(body, response) {
    if (body && typeof body.detail === "string") return body.detail;
    if (body && Array.isArray(body.detail)) return body.detail.map((d) => `${(d.loc || []).slice(1).join(".")}: ${d.msg}`).join("; ");
    return `The checker answered ${response.status}.`;
  }

  async function runCheck() {
    clearTimeout(timer);
    const text = draft.value;
    const mine = ++sequence;
    if (new Blob([text]).size > maxBytes) {
      setStatus(`The draft is over ${Math.round(maxBytes / 1e6)} MB; check it in parts.`, true);
      return;
    }
    setStatus("Checking…");
    const started = performance.now();
    try {
      const response = await fetch("/api/check", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, published: published.value || null }),
      });
      const body = await response.json().catch(() => null);
      if (mine !== sequence) return;
      if (!response.ok) { setStatus(errorText(body, response), true); return; }
      report = body;
      reportText = text;
      toUnits = unitTable(text);
      render();
      const n = report.summary.claims;
      setStatus(`Checked ${n} number${n === 1 ? "" : "s"} in ${Math.round(performance.now() - started)} ms.`);
    } catch (err) {
      if (mine === sequence) setStatus(`Could not reach the checker (${err.message}).`, true);
    }
  }

  function scheduleCheck() {
    try { localStorage.setItem(STORAGE_KEY, draft.value); } catch (_) { /* private mode: nothing to keep */ }
    clearTimeout(timer);
    timer = setTimeout(runCheck, DEBOUNCE_MS);
  }

  function render() {
    const claims = report.claims;
    rendered.replaceChildren();
    let position = 0;
    claims.forEach((claim, index) => {
      const start = unit(claim.number.start), end = unit(claim.number.end);
      if (start < position) return;
      rendered.append(document.createTextNode(reportText.slice(position, start)));
      const codes = claim.flags.map((f) => f.code).join(", ");
      const mark = el("mark", {
        class: `claim v-${claim.verdict}`, tabindex: "0", role: "button", "data-index": String(index),
        "aria-label": `${claim.number.text}: ${claim.verdict}${codes ? " (" + codes + ")" : ""}`,
        title: `${LABELS[claim.verdict]}${codes ? ": " + codes : ""}`,
      });
      mark.textContent = reportText.slice(start, end);
      rendered.append(mark);
      position = end;
    });
    rendered.append(document.createTextNode(reportText.slice(position)));
    if (!reportText.trim()) rendered.replaceChildren(el("p", { class: "empty", text: "Paste a draft to check its numbers." }));
    summary.textContent = report.summary.message;
    for (const badge of document.querySelectorAll("#counts .count")) {
      badge.querySelector("b").textContent = String(report.summary.by_verdict[badge.dataset.verdict] || 0);
    }
    if (selected >= claims.length) closePanel();
    else if (selected >= 0) openClaim(selected, false);
  }

  function marks() { return Array.from(rendered.querySelectorAll("mark.claim")); }

  function flaggedIndexes() {
    return report ? report.claims.map((c, i) => [c, i]).filter(([c]) => c.verdict !== "consistent" || c.flags.length).map(([, i]) => i) : [];
  }

  function section(id, title, ...children) {
    const node = $(id);
    node.replaceChildren(...(title ? [el("h3", { text: title })] : []), ...children);
    node.hidden = !title && !children.length;
  }

  function uniqueSuggestions(claim) {
    return [...new Set(claim.flags.map((f) => f.suggestion))];
  }

  function openClaim(index, moveFocus = true) {
    const claim = report.claims[index];
    if (!claim) return;
    selected = index;
    for (const mark of marks()) {
      const isSelected = Number(mark.dataset.index) === index;
      mark.classList.toggle("selected", isSelected);
      if (isSelected) mark.scrollIntoView({ block: "nearest" });
    }
    panel.hidden = false;
    workspace.classList.add("with-panel");
    const verdict = $("panel-verdict");
    verdict.className = `badge v-${claim.verdict}`;
    verdict.textContent = LABELS[claim.verdict];
    $("panel-number").textContent = claim.number.text;
    $("panel-sentence").textContent = claim.text;
    renderFlags(claim);
    renderEvidence(claim);
    renderNote(claim);
    if (moveFocus) $("panel-close").focus({ preventScroll: true });
  }

  function renderFlags(claim) {
    if (!claim.match) {
      section("panel-flags", "Why", el("p", { text: "No published figure in the evidence base matches this number well enough to link it. Find and cite its source, or cut it." }));
      return;
    }
    const items = claim.flags.map((flag) => el("div", { class: "flag" },
      el("p", { class: "flag-title" }, el("span", { class: `sev sev-${flag.severity}`, text: flag.severity }), " ",
        el("a", { href: `/rules#${flag.code}`, text: flag.code })),
      el("p", { text: flag.message })));
    const fixes = uniqueSuggestions(claim).map((suggestion) => {
      const button = el("button", { type: "button", class: "small primary", text: "Apply to draft" });
      button.addEventListener("click", () => applySuggestion(claim, suggestion));
      return el("div", { class: "flag" }, el("div", { class: "suggestion", text: suggestion.replace(/^Say:\s*/, "") }), el("div", { class: "row" }, button));
    });
    if (!items.length) {
      const words = claim.reviewed ? "Marked as reviewed in the draft; its flags are not shown." : `Matches the published figure: ${claim.match.why}.`;
      section("panel-flags", "Why", el("p", { text: words }));
      return;
    }
    section("panel-flags", `What is wrong (${items.length})`, ...items, ...(fixes.length ? [el("h3", { text: "Suggested wording" }), ...fixes] : []));
  }

  function renderClosest(claim) {
    const closest = claim.candidates || [];
    if (!closest.length) { section("panel-evidence", ""); return; }
    const items = closest.map((candidate) => el("li", { class: "closest" },
      el("a", { href: `/evidence/${encodeURIComponent(candidate.evidence_id)}`, text: candidate.evidence_id }),
      el("p", { text: candidate.why_not })));
    section("panel-evidence", "Closest records", el("p", { class: "hint", text: "None fits well enough to link; check whether the number quotes one of these." }), el("ul", { class: "closest-list" }, ...items));
  }

  async function renderEvidence(claim) {
    if (!claim.match) { renderClosest(claim); return; }
    const id = claim.match.evidence_id;
    section("panel-evidence", "Evidence", el("p", { class: "hint", text: "Loading…" }));
    let view = evidenceCache.get(id);
    if (!view) {
      const response = await fetch(`/api/evidence/${encodeURIComponent(id)}`);
      if (!response.ok) { section("panel-evidence", "Evidence", el("p", { text: `Record ${id} could not be loaded.` })); return; }
      view = await response.json();
      evidenceCache.set(id, view);
    }
    if (report.claims[selected] !== claim) return;
    const s = view.summary;
    const source = el("a", { href: s.source_url, rel: "noopener noreferrer", target: "_blank", text: s.source_title });
    const details = el("dl", {},
      el("dt", { text: "Counts" }), el("dd", { text: view.record.counts }),
      el("dt", { text: "When" }), el("dd", { text: s.when }),
      el("dt", { text: "Source" }), el("dd", {}, `${s.publisher}, `, source, `, ${view.source_date_words}`),
      el("dt", { text: "Link" }), el("dd", { text: claim.match.why }));
    const open = el("a", { href: `/evidence/${encodeURIComponent(id)}`, text: "Open the record and its full note" });
    section("panel-evidence", "Evidence", el("div", { class: "evidence" },
      el("div", { class: "evidence-figure", text: s.figure }), el("div", { text: s.population }), details, open));
  }

  function renderNote(claim) {
    if (!claim.note) { section("panel-note", ""); return; }
    const copy = el("button", { type: "button", class: "small", text: "Copy note" });
    copy.addEventListener("click", () => copyText(claim.note).then(() => toast("Note copied")));
    section("panel-note", "What this number actually counts", el("p", { class: "note-text", text: claim.note.replace(/^What this number actually counts:\s*/, "") }), el("div", { class: "row" }, copy));
  }

  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try { await navigator.clipboard.writeText(text); return; } catch (_) { /* fall back below */ }
    }
    const area = el("textarea", { "aria-hidden": "true" });
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }

  function applySuggestion(claim, suggestion) {
    if (draft.value !== reportText) { toast("The draft changed; checking it again first."); runCheck(); return; }
    const replacement = suggestion.replace(/^Say:\s*/, "");
    const start = unit(claim.start), end = unit(claim.end);
    draft.value = reportText.slice(0, start) + replacement + reportText.slice(end);
    draft.setSelectionRange(start, start + replacement.length);
    try { localStorage.setItem(STORAGE_KEY, draft.value); } catch (_) { /* ignore */ }
    toast("Suggestion applied; checking again");
    runCheck();
  }

  function closePanel() {
    panel.hidden = true;
    workspace.classList.remove("with-panel");
    for (const mark of marks()) mark.classList.remove("selected");
    const previous = marks()[selected];
    selected = -1;
    if (previous) previous.focus({ preventScroll: true });
  }

  function step(direction) {
    const flagged = flaggedIndexes();
    if (!flagged.length) { toast("No flagged numbers"); return; }
    const after = direction > 0 ? flagged.find((i) => i > selected) : [...flagged].reverse().find((i) => i < selected);
    const next = after ?? (direction > 0 ? flagged[0] : flagged[flagged.length - 1]);
    const mark = marks().find((m) => Number(m.dataset.index) === next);
    if (mark) { mark.focus(); mark.scrollIntoView({ block: "nearest" }); }
    openClaim(next, false);
  }

  rendered.addEventListener("click", (event) => {
    const mark = event.target.closest("mark.claim");
    if (mark) openClaim(Number(mark.dataset.index));
  });
  rendered.addEventListener("keydown", (event) => {
    const mark = event.target.closest("mark.claim");
    if (mark && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); openClaim(Number(mark.dataset.index)); }
  });
  document.addEventListener("keydown", (event) => {
    const typing = event.target.matches("textarea, input");
    if (event.key === "Escape" && !panel.hidden) { closePanel(); return; }
    if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) { event.preventDefault(); step(event.key === "ArrowDown" ? 1 : -1); return; }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "j" || event.key === "n") step(1);
    else if (event.key === "k" || event.key === "p") step(-1);
  });
  $("panel-close").addEventListener("click", closePanel);
  $("check").addEventListener("click", runCheck);
  draft.addEventListener("input", scheduleCheck);
  published.addEventListener("change", runCheck);

  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && !draft.value) { draft.value = saved; runCheck(); }
  } catch (_) { /* no storage */ }
})();
