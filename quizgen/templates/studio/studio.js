// quizgen studio: every text from an article or a fact base goes in as a text node, never markup.
"use strict";
(function () {
  const TOKEN = document.querySelector('meta[name="studio-token"]').content;
  const main = document.getElementById("main");
  const statusBox = document.getElementById("status");
  const nav = document.getElementById("nav");

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "on") { for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn); }
      else if (key === "dataset") { Object.assign(node.dataset, value); }
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function say(message, kind) {
    statusBox.textContent = message || "";
    statusBox.className = kind || "";
  }

  async function api(method, url, body) {
    const init = { method, headers: { "X-Studio-Token": TOKEN } };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) { init.body = JSON.stringify(body); init.headers["Content-Type"] = "application/json"; }
    const response = await fetch(url, init);
    let data = {};
    try { data = await response.json(); } catch (e) { data = { error: "the server sent no answer" }; }
    return { ok: response.ok, status: response.status, data };
  }

  const path = location.pathname;
  let match;
  if ((match = path.match(/^\/review\/([a-z0-9-]+)$/))) review(match[1]);
  else if ((match = path.match(/^\/quiz\/([a-z0-9-]+)$/))) quizPage(match[1]);
  else library();

  function navFor(id, here) {
    nav.replaceChildren(
      el("a", { href: "/review/" + id, "aria-current": here === "review" ? "page" : null }, "Review facts"),
      el("a", { href: "/quiz/" + id, "aria-current": here === "quiz" ? "page" : null }, "Quiz and downloads"));
  }

  // ---- library -----------------------------------------------------------------------------
  async function library() {
    document.title = "Library · quizgen studio";
    const { ok, data } = await api("GET", "/api/bases");
    if (!ok) { say(data.error, "error"); return; }
    const cards = el("ul", { class: "cards" });
    for (const base of data.bases) {
      const counts = Object.entries(base.counts || {}).filter(([, n]) => n).map(([s, n]) => n + " " + s).join(", ");
      cards.append(el("li", { class: "card" },
        el("h2", {}, base.title || base.id),
        el("p", {}, el("code", {}, base.id), " · ", counts || "no facts"),
        base.unchecked ? el("p", { class: "warn" }, base.unchecked + " guesses to check") : el("p", {}, "every fact checked"),
        base.problems ? el("p", { class: "bad" }, base.problems + " problems: " + base.first_problems.join("; ")) : null,
        el("p", { class: "actions" }, el("a", { class: "button", href: "/review/" + base.id }, "Review"),
          el("a", { class: "button", href: "/quiz/" + base.id }, "Quiz"))));
    }
    const form = el("form", { id: "new-form", class: "card" },
      el("h2", {}, "New from article"),
      el("label", { for: "new-name" }, "Name (lower-case letters, digits and hyphens)"),
      el("input", { id: "new-name", name: "name", type: "text", required: true, pattern: "[a-z0-9][a-z0-9-]*", autocomplete: "off" }),
      el("label", { for: "new-article" }, "Paste the article's text"),
      el("textarea", { id: "new-article", name: "article", rows: 6 }),
      el("label", { for: "new-file" }, "or choose a .txt file"),
      el("input", { id: "new-file", name: "file", type: "file", accept: ".txt,text/plain" }),
      el("p", { class: "actions" }, el("button", { class: "primary", type: "submit" }, "Draft it")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      say("Drafting… (a few seconds)");
      const { ok: made, data: answer } = await api("POST", "/api/bases", new FormData(form));
      if (!made) { say(answer.error, "error"); return; }
      location.assign("/review/" + answer.id);
    });
    main.replaceChildren(el("h1", {}, "Fact bases in " + data.folder), cards, form);
  }

  // ---- review ------------------------------------------------------------------------------
  let state = null;
  let selected = null;  // the words selected in the article: {start, end} in its characters
  const ADD_KEYS = { quotes: "q", people: "p", figures: "f", events: "e", places: "l", terms: "t", claims: "m" };
  const SINGULAR = { quotes: "quote", people: "person", figures: "figure", events: "event", places: "place", terms: "term", claims: "claim" };

  document.addEventListener("keydown", (event) => {
    if (!state || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest && event.target.closest("input, textarea, select")) return;
    const section = Object.keys(ADD_KEYS).find((s) => ADD_KEYS[s] === event.key.toLowerCase());
    if (section && keepSelection()) { event.preventDefault(); addFromSelection(section); }
  });

  async function review(id) {
    navFor(id, "review");
    const { ok, data } = await api("GET", "/api/bases/" + id);
    if (!ok) { say(data.error, "error"); return; }
    state = data;
    renderReview(null);
  }

  function label(fact) {
    const f = fact.fields;
    return f.name || f.term || (f.text ? "“" + f.text + "”" : "") || f.measure || f.description || fact.id;
  }

  function renderReview(focusId) {
    const data = state;
    document.title = "Review " + data.id + " · quizgen studio";
    const article = el("div", { id: "article", tabindex: 0, "aria-label": "The article" });
    let at = 0;
    const spans = data.highlights.slice().sort((a, b) => a.start - b.start);
    for (const span of spans) {
      if (span.start < at) continue;
      article.append(document.createTextNode(data.article.slice(at, span.start)));
      article.append(el("mark", { class: "k-" + span.section, title: span.section + ": " + span.id,
        dataset: { fact: span.id }, on: { click: () => { if (window.getSelection().isCollapsed) focusFact(span.id); } } }, data.article.slice(span.start, span.end)));
      at = span.end;
    }
    article.append(document.createTextNode(data.article.slice(at)));
    // quick add (a box the teacher ticks; remembered in this browser): words selected with
    // the mouse open their new fact at once, its section read from their shape; a section's
    // key then changes the section of that same selection
    article.addEventListener("mouseup", () => { if (keepSelection() && quickAdd()) addFromSelection("any"); });
    article.addEventListener("keyup", keepSelection);
    const adders = Object.keys(ADD_KEYS).map((section) =>
      el("button", { type: "button", "data-add": section, "aria-keyshortcuts": ADD_KEYS[section].toUpperCase(),
        on: { mousedown: keepSelection, click: () => addFromSelection(section) } },
        "Add " + SINGULAR[section] + " ", el("kbd", {}, ADD_KEYS[section].toUpperCase())));
    // the names and numbers no fact holds yet: one click opens the new fact's form for them
    const notYet = Object.entries(data.candidates || {}).filter(([, list]) => list.length).map(([section, list]) =>
      el("div", { class: "toolbar candidates", role: "group", "aria-label": "Not yet " + section + " facts" },
        el("span", {}, "Not yet " + section + ":"),
        list.map((c) => el("button", { type: "button", class: "chip", dataset: { candidate: section, start: c.start, end: c.end },
          on: { click: () => { selected = { start: c.start, end: c.end }; addFromSelection(section); } } }, c.text))));
    const quick = el("input", { type: "checkbox", id: "quick-add", checked: quickAdd(),
      on: { change: (event) => { try { localStorage.setItem("studio-quick-add", event.target.checked ? "1" : ""); } catch (e) { /* storage off: this page only */ } quickOn = event.target.checked; } } });
    const pane = el("section", { class: "article-pane", "aria-labelledby": "article-title" },
      el("h2", { id: "article-title" }, "Article"),
      el("div", { class: "toolbar" }, el("span", {}, "Select words, then press a key or:"), adders),
      el("p", { class: "toolbar" }, el("label", { for: "quick-add" }, quick,
        " Quick add: selecting words with the mouse opens their new fact at once (its kind guessed; a key changes it)")),
      notYet, article);

    const general = data.problems.filter((p) => !p.fact);
    const facts = data.facts.slice().sort((a, b) => (b.check.length > 0) - (a.check.length > 0));
    const unchecked = facts.filter((f) => f.check.length).length;
    const list = el("ol", { class: "facts", "aria-label": "Facts, unchecked guesses first" });
    for (const fact of facts) list.append(el("li", {}, factForm(fact)));
    const side = el("section", { "aria-labelledby": "facts-title" },
      el("h2", { id: "facts-title" }, "Facts: " + unchecked + " guesses to check of " + facts.length),
      keysList(),
      confirmAllBar(facts), el("div", { id: "offer" }),
      general.length ? el("ul", { class: "bad", "aria-label": "Problems of the file" },
        general.map((p) => el("li", {}, problemText(p)))) : null,
      el("div", { id: "new-fact" }), sourceForm(), list);
    main.replaceChildren(el("h1", {}, data.source.title || data.id), el("div", { class: "review" }, pane, side));
    if (focusId) {
      const next = document.querySelector('form.fact[data-id="' + CSS.escape(focusId) + '"]') || document.querySelector("form.fact");
      if (next) next.focus();
    }
  }

  function keysList() {
    const k = (key) => el("kbd", {}, key);
    return el("ul", { class: "keys", id: "keys", "aria-label": "Keyboard shortcuts" },
      el("li", {}, "On a fact: ", k("C"), " confirm and go to the next · ", k("X"), " delete · ", k("J"), " / ", k("K"), " next, previous"),
      el("li", {}, "In a field: ", k("Enter"), " (", k("Ctrl+Enter"), " in a box) saves and confirms; a click selects the field's words, so typing replaces them; ", k("Space"), " on a chip presses it; every change is saved as you leave the field"),
      el("li", {}, "Select words in the article, then ", ...Object.keys(ADD_KEYS).flatMap((s) => [k(ADD_KEYS[s].toUpperCase()), " " + SINGULAR[s] + " "]), "· ", k("Escape"), " cancels"));
  }

  function problemText(p) {
    return p.message + (p.found ? " (found " + p.found + ")" : "") + (p.expected ? "; expected " + p.expected : "");
  }

  let quickOn = null;  // the quick-add box, as ticked on this page (else as remembered)
  function quickAdd() {
    if (quickOn === null) { try { quickOn = localStorage.getItem("studio-quick-add") === "1"; } catch (e) { quickOn = false; } }
    return quickOn;
  }

  function keepSelection() {
    const sel = window.getSelection();
    const article = document.getElementById("article");
    if (!article || !sel || !sel.rangeCount || sel.isCollapsed) return false;
    const range = sel.getRangeAt(0);
    if (!article.contains(range.startContainer) || !article.contains(range.endContainer) || !sel.toString().trim()) return false;
    const before = document.createRange();
    before.setStart(article, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    selected = { start, end: start + range.toString().length };
    return true;
  }

  function confirmAllBar(facts) {
    const left = facts.filter((f) => f.check.length);
    const headline = state.source.check.length > 0;  // the headline and summary: a guess too
    if (!left.length && !headline) return null;
    const bySection = {};
    for (const f of left) (bySection[f.section] = bySection[f.section] || []).push(f.id);
    const button = (ids, text, extra, withHeadline) => el("button", Object.assign({ type: "button", on: { click: () => confirmAll(ids, withHeadline) } }, extra || {}), text);
    return el("p", { class: "actions", id: "confirm-all" },
      button(left.map((f) => f.id), "Confirm all " + (left.length + (headline ? 1 : 0)) + " guesses left" + (headline ? " (the headline too)" : ""),
        { class: "primary", "data-confirm-all": "all" }, headline),
      Object.entries(bySection).map(([section, ids]) => button(ids, "Confirm " + section + " (" + ids.length + ")", { "data-confirm-all": section }, false)));
  }

  function confirmAll(ids, headline) {
    return later(async () => {
      let done = "Confirmed " + ids.length + " facts";
      const steps = [];
      if (ids.length) steps.push(["/confirm", { facts: ids }]);
      if (headline) { steps.push(["/source", { fields: {}, confirm: true }]); done += " and the headline"; }
      for (const [url, body] of steps) {
        const { ok, status, data } = await api("POST", "/api/bases/" + state.id + url, Object.assign({ version: state.version }, body));
        if (!ok) { renderReview(null); say((status === 409 ? "Conflict: " : "Not saved: ") + data.error, "error"); return; }
        state = data;
      }
      renderReview(null);
      say(done, "ok");
    });
  }

  const SAME_AGAIN = ["refs", "ref", "choice"];  // a draft's mistake in these often repeats
  const SAME_TEXT = ["unit"];  // and in this wording (offered with other fields changed with it)
  const touched = new Set();  // facts the teacher changed here: never changed again by an offer
  // Lists one id may not be in both of: pressing it in one takes it out of the other.
  const ONE_AS_A_RULE = ["speakers", "given_by", "claimants"];
  const PARTNERS = { quotes: { speakers: "about", about: "speakers" }, claims: { claimants: "about", about: "claimants" } };

  function valueText(spec, value) {
    const names = Object.fromEntries(state.facts.map((f) => [f.id, label(f)]));
    const list = Array.isArray(value) ? value : value ? [value] : [];
    return list.length ? list.map((v) => names[v] || v).join(", ") : (spec.name === "speakers" ? "nobody" : "nothing");
  }

  function offerSame(fact, specs, changed) {
    // After a correction: the same change on the other guesses of the section that held the
    // same value; and, when several fields were changed, all of them at once on the guesses
    // that held all the same values (a draft's mistake repeated on facts alike: three ages
    // drafted with the unit "units", "exact" and no subject).
    const box = document.getElementById("offer");
    if (!box) return;
    const empty = (spec) => (spec.kind === "refs" ? [] : "");
    const held = (f, spec) => JSON.stringify(f.fields[spec.name] === undefined ? empty(spec) : f.fields[spec.name]);
    const alike = (list) => state.facts.filter((f) => f.section === fact.section && f.id !== fact.id && f.check.length &&
      !touched.has(f.id) && list.every((spec) => held(f, spec) === held(fact, spec)));
    const offered = specs.filter((s) => (SAME_AGAIN.includes(s.kind) || SAME_TEXT.includes(s.name)) && s.name in changed);
    const buttons = [];
    if (offered.length > 1) {
      const others = alike(offered);
      const wording = offered.map((spec) => spec.label.toLowerCase() + " " + valueText(spec, changed[spec.name])).join(", ");
      if (others.length) {
        buttons.push(offerButton(fact, offered, others, changed, "Set " + offered.length + " fields on " + others.length + " more",
          "Also set " + wording + " on the " + others.length + " other " + fact.section + " guesses that have " +
          offered.map((spec) => valueText(spec, JSON.parse(held(fact, spec)))).join(", ")));
      }
    }
    for (const spec of offered.filter((s) => SAME_AGAIN.includes(s.kind))) {
      const others = alike([spec]);
      if (!others.length) continue;
      buttons.push(offerButton(fact, [spec], others, changed, "Set " + spec.label.toLowerCase() + " on " + others.length + " more",
        "Also set " + spec.label + " to " + valueText(spec, changed[spec.name]) + " on the " + others.length +
        " other " + fact.section + " guesses that have " + valueText(spec, JSON.parse(held(fact, spec)))));
    }
    box.replaceChildren(...(buttons.length ? [el("p", { class: "actions" }, buttons)] : []));
  }

  function offerButton(fact, offered, others, changed, done, text) {
    // each other fact's change: the new values, and each taken out of its partner list where
    // the words cannot name it twice (a speaker is never whom the words are aimed at)
    const groups = new Map();
    for (const f of others) {
      const fields = {};
      for (const spec of offered) {
        fields[spec.name] = changed[spec.name];
        const partner = (PARTNERS[fact.section] || {})[spec.name];
        const theirs = partner ? (fields[partner] || f.fields[partner] || []) : [];
        const kept = theirs.filter((v) => !(changed[spec.name] || []).includes(v));
        if (partner && kept.length !== theirs.length) fields[partner] = kept;
      }
      const key = JSON.stringify(fields);
      groups.set(key, (groups.get(key) || []).concat([f.id]));
    }
    return el("button", { type: "button", "data-apply": offered.map((spec) => spec.name).join(" "), "data-facts": others.map((f) => f.id).join(" "),
      on: { click: () => later(async () => {
        for (const [key, ids] of groups) {
          const { ok, status, data } = await api("POST", "/api/bases/" + state.id + "/confirm",
            { version: state.version, facts: ids, fields: JSON.parse(key), confirm: false });
          if (!ok) { renderReview(others[0].id); say((status === 409 ? "Conflict: " : "Not saved: ") + data.error, "error"); return; }
          state = data;
        }
        renderReview(others[0].id);
        say(done, "ok");
      }) } }, text);
  }

  function selectOnFocus(form) {
    let fresh = null;
    form.addEventListener("focusin", (event) => {
      const t = event.target;
      if (t.matches('input[type="text"], textarea')) { t.select(); fresh = t; }
    });
    form.addEventListener("mouseup", (event) => {
      if (fresh && event.target === fresh) { event.preventDefault(); }
      fresh = null;
    });
  }

  function focusFact(id) {
    const form = document.querySelector('form.fact[data-id="' + CSS.escape(id) + '"]');
    if (form) { form.scrollIntoView({ block: "center" }); form.focus(); }
  }

  function markFor(id) {
    document.querySelectorAll("mark.current").forEach((m) => m.classList.remove("current"));
    const mark = document.querySelector('mark[data-fact="' + CSS.escape(id) + '"]');
    if (mark) { mark.classList.add("current"); mark.scrollIntoView({ block: "nearest" }); }
  }

  function targets(section) {
    return state.facts.filter((f) => f.section === section).map((f) => [f.id, label(f)]);
  }

  function control(fact, spec, prefix) {
    const id = prefix + "-" + spec.name;
    const value = fact.fields[spec.name];
    const problems = state.problems.filter((p) => p.fact === fact.id && p.field === spec.name);
    const described = problems.length ? id + "-problem" : null;
    const note = problems.length ? el("p", { class: "problem", id: id + "-problem" }, problems.map(problemText).join(" · ")) : null;
    const common = { id, name: spec.name, "aria-invalid": problems.length ? "true" : null, "aria-describedby": described };
    if (spec.kind === "refs" || spec.kind === "ref" || spec.kind === "choice") {
      return chips(fact, spec, id, value, described, note);
    }
    let input;
    if (spec.kind === "flag") {
      input = el("input", Object.assign({ type: "checkbox", "data-field": spec.name, checked: value !== false }, common));
      return el("div", {}, el("label", { for: id }, input, " " + spec.label), note);
    } else if (spec.kind === "long" || spec.kind === "texts") {
      input = el("textarea", Object.assign({ rows: 2, "data-field": spec.name }, common));
      input.value = spec.kind === "texts" ? (value || []).join("\n") : (value || "");
    } else {
      input = el("input", Object.assign({ type: "text", "data-field": spec.name, autocomplete: "off" }, common));
      input.value = value === undefined || value === null ? "" : String(value);
    }
    return el("div", {}, el("label", { for: id }, spec.label + (spec.required ? " (required)" : "")), input, note);
  }

  function chips(fact, spec, id, value, described, note) {
    // A pick list as toggle buttons, one click per choice: many may be pressed for a list of
    // ids (refs), at most one for one id (ref) or a choice; none pressed is nobody / not set.
    const many = spec.kind === "refs";
    const chosen = many ? (Array.isArray(value) ? value.slice() : []) : (value ? [value] : []);
    let entries = spec.kind === "choice" ? spec.choices.map((c) => [c, c])
      : targets(spec.target).filter(([tid]) => tid !== fact.id);
    const known = new Set(entries.map(([v]) => v));
    entries = entries.concat(chosen.filter((v) => !known.has(v)).map((v) => [v, v]));
    const none = spec.name === "speakers" ? "nobody" : spec.kind === "choice" ? "not set" : "none";
    const group = el("fieldset", { class: "chips", id, "data-field": spec.name, "data-kind": spec.kind,
      "aria-describedby": described }, el("legend", {}, spec.label + (many ? "" : " (one)") + " · if none is pressed: " + none));
    group.chosen = chosen;
    // who said it, gave it, claimed it: one person as a rule, so a chip pressed replaces the
    // one pressed before, until "several" is ticked (ticked already when several are named)
    const several = ONE_AS_A_RULE.includes(spec.name) ? el("input", { type: "checkbox", id: id + "-several", checked: chosen.length > 1 }) : null;
    const oneAtATime = () => !many || (several && !several.checked);
    const buttons = entries.map(([v, text]) => el("button", { type: "button", class: "chip", "data-value": v,
      "aria-pressed": chosen.includes(v) ? "true" : "false" }, text));
    for (const button of buttons) {
      button.addEventListener("click", () => {
        const v = button.dataset.value;
        const at = group.chosen.indexOf(v);
        if (at >= 0) group.chosen.splice(at, 1);
        else if (oneAtATime()) group.chosen = [v];
        else group.chosen.push(v);
        group.redraw();
        const partner = (PARTNERS[fact.section] || {})[spec.name];
        const other = partner && group.closest("form") && group.closest("form").querySelector('[data-field="' + partner + '"]');
        if (at < 0 && other && other.chosen.includes(v)) {  // a speaker is not whom the words are aimed at
          other.chosen.splice(other.chosen.indexOf(v), 1);
          other.redraw();
        }
        group.dispatchEvent(new Event("change", { bubbles: true }));
      });
    }
    group.redraw = () => {
      for (const b of buttons) b.setAttribute("aria-pressed", group.chosen.includes(b.dataset.value) ? "true" : "false");
    };
    group.append(...buttons);
    if (several) {
      group.dataset.one = String(oneAtATime());
      several.addEventListener("change", (event) => { event.stopPropagation(); group.dataset.one = String(oneAtATime()); });
      group.append(el("label", { for: several.id, class: "several" }, several, " several"));
    }
    if (note) group.append(note);
    return group;
  }

  function collect(form, fact, specs) {
    const fields = {};
    for (const spec of specs) {
      const nodes = form.querySelectorAll('[data-field="' + spec.name + '"]');
      if (!nodes.length) continue;
      let value;
      if (spec.kind === "refs") value = nodes[0].chosen.slice();
      else if (spec.kind === "ref" || spec.kind === "choice") value = nodes[0].chosen[0] || "";
      else if (spec.kind === "flag") value = nodes[0].checked;
      else if (spec.kind === "texts") value = nodes[0].value.split("\n").map((v) => v.trim()).filter((v) => v);
      else value = nodes[0].value;
      const before = fact.fields[spec.name];
      const same = JSON.stringify(value) === JSON.stringify(before === undefined ? (spec.kind === "refs" || spec.kind === "texts" ? [] : spec.kind === "flag" ? true : "") : before);
      if (!same) fields[spec.name] = value;
    }
    if (fact.section === "quotes" && Array.isArray(fields.speakers) && fields.speakers.length === 0) fields.distinctive = false;
    return fields;
  }

  function soleIn(fact) {
    // the facts whose required list holds this one alone (a claim's only claimant): it cannot
    // go before they name someone else, and the page says so before any click
    return state.facts.filter((f) => f.id !== fact.id && state.form[f.section].some((s) => s.required &&
      s.kind === "refs" && s.target === fact.section && JSON.stringify(f.fields[s.name] || []) === JSON.stringify([fact.id])));
  }

  function heldText(fact, sole) {
    return label(fact) + " is the only one named by " + sole.map(label).join(", ") + ": name someone else there first, then delete";
  }

  function showHeld(form, fact) {
    // Delete marked as not possible yet, and why, while another fact names this one alone
    const sole = soleIn(fact);
    const button = form.querySelector("button[data-delete]");
    const note = form.querySelector(".held");
    note.textContent = sole.length ? heldText(fact, sole) : "";
    if (sole.length) { button.setAttribute("aria-disabled", "true"); button.setAttribute("aria-describedby", note.id); }
    else { button.removeAttribute("aria-disabled"); button.removeAttribute("aria-describedby"); }
  }

  function factForm(fact) {
    const specs = state.form[fact.section];
    const prefix = "f-" + fact.id;
    const unchecked = fact.check.length > 0;
    const form = el("form", { class: "fact" + (unchecked ? " unchecked" : ""), tabindex: 0, "data-id": fact.id,
      "aria-labelledby": prefix + "-title" },
      el("h3", { id: prefix + "-title" }, el("span", { class: "kind" }, fact.section + " · " + fact.id + " "), label(fact)),
      unchecked ? el("p", { class: "check" }, "Guess to check: " + fact.check.join(" · ")) : null,
      el("div", { class: "grid2" }, specs.map((spec) => control(fact, spec, prefix))),
      el("p", { class: "actions" },
        el("button", { type: "submit", class: "primary" }, unchecked ? "Confirm" : "Save"),
        el("button", { type: "button", class: "danger", "data-delete": fact.id, on: { click: () => remove(fact) } }, "Delete"),
        el("span", { class: "held", id: prefix + "-held" })));
    showHeld(form, fact);
    form.addEventListener("submit", (event) => { event.preventDefault(); save(form, fact, specs, true); });
    form.drawn = JSON.parse(JSON.stringify(fact.fields));  // what an offer to repeat a change starts from
    form.addEventListener("change", () => autosave(form, fact, specs));
    selectOnFocus(form);
    form.addEventListener("focusin", () => markFor(fact.id));
    form.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); save(form, fact, specs, true); return; }
      if (event.target !== form || event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === "c") { event.preventDefault(); save(form, fact, specs, true); }
      else if (key === "x" || key === "delete") { event.preventDefault(); remove(fact); }
      else if (key === "j" || key === "k") {
        event.preventDefault();
        const all = Array.from(document.querySelectorAll("form.fact"));
        const next = all[all.indexOf(form) + (key === "j" ? 1 : -1)];
        if (next) next.focus();
      }
    });
    return form;
  }

  function nextId(fact) {
    const all = Array.from(document.querySelectorAll("form.fact"));
    const here = all.findIndex((f) => f.dataset.id === fact.id);
    const next = all[here + 1] || all[here - 1];
    return next ? next.dataset.id : null;
  }

  // Every change goes to the server one after the other, each on the version the one before
  // left: a field saved as the teacher moves on never races a Confirm, a Delete or an Add.
  let queue = Promise.resolve();
  let pending = 0;
  function later(job) {
    pending += 1;
    document.body.dataset.pending = String(pending);
    const run = queue.then(job);
    queue = run.catch(() => {}).then(() => { pending -= 1; document.body.dataset.pending = String(pending); });
    return run;
  }

  function autosave(form, fact, specs) {
    // A field changed: saved when the teacher leaves it (a menu or chip at once), without
    // drawing the page again (the teacher may be typing in the next field); still a guess
    // until Confirm, C or Confirm all.
    return later(async () => {
      if (!form.isConnected) return;
      const fields = collect(form, fact, specs);
      if (!Object.keys(fields).length) return;
      const { ok, status, data } = await api("POST", "/api/bases/" + state.id + "/facts/" + encodeURIComponent(fact.id),
        { version: state.version, fields, confirm: false });
      if (!ok) {
        if (status === 422 && data.problems) {
          state.problems = state.problems.filter((p) => p.fact !== fact.id).concat(data.problems);
          showProblemsIn(form, fact);
        }
        say((status === 409 ? "Conflict: " : "Not saved: ") + data.error, "error");
        return;
      }
      const drawn = Object.assign({}, fact, { fields: form.drawn });  // as the form was first drawn
      const sinceDrawn = collect(form, drawn, specs);
      state = data;
      const now = data.facts.find((f) => f.id === fact.id);
      if (now) fact.fields = now.fields;
      touched.add(fact.id);
      document.querySelectorAll("form.fact[data-id]").forEach((f) => {  // a Delete held or freed
        const other = state.facts.find((g) => g.id === f.dataset.id);
        if (other) showHeld(f, other);
      });
      form.querySelectorAll(".problem").forEach((n) => n.remove());
      form.querySelectorAll('[aria-invalid="true"]').forEach((n) => n.removeAttribute("aria-invalid"));
      say("Saved " + fact.id + (fact.check.length ? " (still a guess: C or Confirm all checks it)" : ""), "ok");
      offerSame(drawn, specs, sinceDrawn);
    });
  }

  function send(method, url, body, focusId, done) {
    return later(() => sendNow(method, url, body, focusId, done));
  }

  async function sendNow(method, url, body, focusId, done) {
    const { ok, status, data } = await api(method, url, Object.assign({ version: state.version }, body));
    if (ok) { state = data; renderReview(focusId); say(done, "ok"); return true; }
    if (status === 422 && data.problems) {
      state.problems = state.problems.filter((p) => !data.problems.some((q) => q.fact && q.fact === p.fact)).concat(data.problems);
    }
    say((status === 409 ? "Conflict: " : "Not saved: ") + data.error, "error");
    return false;
  }

  async function save(form, fact, specs, confirm) {
    await queue;  // the changes saved as they were made go first, with their offers
    const fields = collect(form, fact, specs);
    const before = state;
    const offered = Array.from(document.getElementById("offer").childNodes);  // from a change saved as it was made
    const ok = await send("POST", "/api/bases/" + state.id + "/facts/" + encodeURIComponent(fact.id),
      { fields, confirm }, confirm && fact.check.length ? nextId(fact) : fact.id,
      (fact.check.length ? "Confirmed " : "Saved ") + fact.id);
    if (!ok) showProblemsIn(form, fact);
    else if (Object.keys(fields).length) offerSame(before.facts.find((f) => f.id === fact.id) || fact, specs, fields);
    else document.getElementById("offer").replaceChildren(...offered);
  }

  function showProblemsIn(form, fact) {
    for (const p of state.problems.filter((q) => q.fact === fact.id && q.field)) {
      const input = form.querySelector('[data-field="' + p.field + '"]');
      if (!input) continue;
      input.setAttribute("aria-invalid", "true");
      const note = el("p", { class: "problem", id: input.id + "-problem" }, problemText(p));
      input.setAttribute("aria-describedby", note.id);
      input.closest("div, fieldset").append(note);
    }
  }

  async function remove(fact) {
    const sole = soleIn(fact);
    if (sole.length) {  // the loader would refuse it: said at once, nothing sent
      say("Not saved: " + heldText(fact, sole), "error");
      return;
    }
    // a fact still named by others is taken out of them too (the server does it), and the
    // status line says which, so nothing changes that the teacher is not told of
    const naming = state.facts.filter((f) => f.id !== fact.id && state.form[f.section].some((s) =>
      (s.kind === "refs" || s.kind === "ref") && s.target === fact.section && [].concat(f.fields[s.name] || []).includes(fact.id)));
    await send("DELETE", "/api/bases/" + state.id + "/facts/" + encodeURIComponent(fact.id), {}, nextId(fact),
      "Deleted " + fact.id + (naming.length ? " and took it out of " + naming.map(label).join(", ") : ""));
  }

  function sourceForm() {
    const src = state.source;
    const unchecked = src.check.length > 0;
    const title = el("input", { id: "src-title", type: "text", "data-field": "title" });
    title.value = src.title;
    const about = el("textarea", { id: "src-about", rows: 2, "data-field": "about" });
    about.value = src.about;
    const form = el("form", { class: "fact" + (unchecked ? " unchecked" : ""), "aria-labelledby": "src-h", tabindex: 0 },
      el("h3", { id: "src-h" }, el("span", { class: "kind" }, "source "), "Headline and summary"),
      unchecked ? el("p", { class: "check" }, "Guess to check: " + src.check.join(" · ")) : null,
      el("label", { for: "src-title" }, "Headline"), title,
      el("label", { for: "src-about" }, "What the article is about (one sentence)"), about,
      el("p", { class: "actions" }, el("button", { type: "submit", class: "primary" }, unchecked ? "Confirm" : "Save")));
    selectOnFocus(form);
    form.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); form.requestSubmit(); }
    });
    form.addEventListener("change", () => later(async () => {  // saved as it is left, as a fact's fields
      if (!form.isConnected || (title.value === state.source.title && about.value === state.source.about)) return;
      const { ok, status, data } = await api("POST", "/api/bases/" + state.id + "/source",
        { version: state.version, fields: { title: title.value, about: about.value }, confirm: false });
      if (!ok) { say((status === 409 ? "Conflict: " : "Not saved: ") + data.error, "error"); return; }
      state = data;
      say("Saved the headline" + (state.source.check.length ? " (still a guess: Confirm or Confirm all checks it)" : ""), "ok");
    }));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      send("POST", "/api/bases/" + state.id + "/source", { fields: { title: title.value, about: about.value }, confirm: true }, null, "Saved the headline");
    });
    return form;
  }

  // one new fact opened at a time, in the order asked (a quick add and a key right after it)
  let adding = Promise.resolve();
  function addFromSelection(section) {
    const words = selected;
    const run = adding.then(() => openNew(section, words));
    adding = run.catch(() => {});
    return run;
  }

  async function openNew(asked, words) {
    if (!words) { say("Select words in the article first, then choose what to add.", "error"); return; }
    const open = document.querySelector("#new-fact form");
    const same = open && Number(open.dataset.start) === words.start && Number(open.dataset.end) === words.end;
    if (same && (asked === "any" || open.dataset.section === asked)) return;  // open already
    // the new fact being written is added first (or its problem shown), unless it is these
    // same words, whose section the key changes
    if (open && !same && !(await open.commit())) return;
    const q = new URLSearchParams({ section: asked, start: words.start, end: words.end });
    const { ok, data } = await api("GET", "/api/bases/" + state.id + "/guess?" + q.toString());
    if (!ok) { say(data.error, "error"); return; }
    const section = data.section;
    const draft = { id: "new", section, fields: data.fields, check: [] };
    const specs = state.form[section];
    const form = el("form", { class: "fact unchecked", "aria-labelledby": "new-title", tabindex: 0,
      dataset: { section, start: words.start, end: words.end } },
      el("h3", { id: "new-title" }, "New " + SINGULAR[section] + " from the selection"),
      el("p", { class: "hint" }, "Filled in from the words selected and their sentence: the cursor is in the field most often rewritten, its words selected; Enter adds it, and so does choosing the next words to add; Escape cancels."),
      el("div", { class: "grid2" }, specs.map((spec) => control(draft, spec, "new"))),
      el("p", { class: "actions" }, el("button", { type: "submit", class: "primary" }, "Add"),
        el("button", { type: "button", on: { click: () => document.getElementById("new-fact").replaceChildren() } }, "Cancel")));
    selectOnFocus(form);
    // Enter adds it from any field (a box too: a new fact's wording is one line, and the cursor
    // may start in its box with the words selected), but for a list of one a line (Shift+Enter
    // breaks a line)
    const oneALine = new Set(specs.filter((spec) => spec.kind === "texts").map((spec) => spec.name));
    form.addEventListener("keydown", (event) => {
      const box = event.target.matches && event.target.matches("textarea");
      if (event.key === "Enter" && !event.isComposing && (event.ctrlKey || event.metaKey || (box && !event.shiftKey && !oneALine.has(event.target.dataset.field)))) { event.preventDefault(); form.requestSubmit(); }
      else if (event.key === "Escape") { event.preventDefault(); document.getElementById("new-fact").replaceChildren(); }
    });
    form.commit = () => {
      const values = collect(form, { section, fields: {} }, specs);
      if (section === "quotes" && !(values.speakers || []).length) { values.speakers = []; values.distinctive = false; }
      return send("POST", "/api/bases/" + state.id + "/add", { section, fields: values }, null, "Added " + (/^[aeiou]/.test(SINGULAR[section]) ? "an " : "a ") + SINGULAR[section]);
    };
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (await form.commit()) { selected = null; document.getElementById("article").focus(); }
    });
    const holder = document.getElementById("new-fact");
    holder.replaceChildren(form);
    // the cursor in the field the teacher most likely writes (its words selected: typing
    // replaces them), else on Add (studio/fields.py first_to_write)
    const first = (data.focus && form.querySelector('[data-field="' + CSS.escape(data.focus) + '"]')) || form.querySelector('button[type="submit"]');
    form.scrollIntoView({ block: "nearest" });
    first.focus();
  }

  // ---- quiz --------------------------------------------------------------------------------
  async function quizPage(id) {
    navFor(id, "quiz");
    document.title = "Quiz " + id + " · quizgen studio";
    const seed = el("input", { id: "q-seed", type: "number", min: 0, value: 0 });
    const count = el("input", { id: "q-count", type: "number", min: 1, max: 200, placeholder: "class" });
    const versions = el("input", { id: "q-versions", type: "number", min: 1, max: 26, value: 1 });
    const paper = el("select", { id: "q-paper" }, el("option", { value: "a4" }, "A4"), el("option", { value: "letter" }, "Letter"));
    const kinds = el("fieldset", { id: "q-kinds" }, el("legend", {}, "Kinds (none ticked: all)"));
    const list = el("ol", { class: "questions", "aria-label": "The questions" });
    const droppedBox = el("div", { id: "dropped" });
    let version = null;
    const downloads = el("ul", { class: "downloads" });
    const form = el("form", { class: "controls", "aria-label": "Quiz options" },
      el("div", {}, el("label", { for: "q-seed" }, "Seed"), seed),
      el("div", {}, el("label", { for: "q-count" }, "Questions"), count),
      el("div", {}, el("label", { for: "q-versions" }, "Versions"), versions),
      el("div", {}, el("label", { for: "q-paper" }, "Paper"), paper),
      el("button", { type: "submit", class: "primary" }, "Show quiz"),
      el("button", { type: "button", id: "reshuffle", on: { click: () => { seed.value = String(Number(seed.value || 0) + 1); load(); } } }, "Reshuffle"));
    form.addEventListener("submit", (event) => { event.preventDefault(); load(); });
    main.replaceChildren(el("h1", {}, "Quiz"), form, kinds, el("h2", {}, "Downloads"), downloads,
      el("h2", {}, "Questions as they print"), list, droppedBox);

    async function drop(question, dropped) {
      const { ok, data } = await api("POST", "/api/bases/" + id + "/drop", { version, question, dropped });
      if (!ok) { say(data.error, "error"); return; }
      await load();
      say((dropped ? "Dropped " : "Restored ") + question + ": saved with the fact base", "ok");
    }

    function query() {
      const ticked = Array.from(kinds.querySelectorAll("input:checked")).map((c) => c.value);
      const q = new URLSearchParams({ seed: seed.value || "0", count: count.value || "", versions: versions.value || "1", paper: paper.value, kinds: ticked.join(",") });
      return q.toString();
    }

    async function load() {
      say("Building the quiz…");
      const { ok, data } = await api("GET", "/api/bases/" + id + "/quiz?" + query());
      if (!ok) { say(data.error, "error"); return; }
      if (!kinds.querySelector("input")) {
        for (const kind of data.kinds) {
          kinds.append(el("label", { for: "k-" + kind }, el("input", { type: "checkbox", id: "k-" + kind, value: kind }), " " + kind));
        }
      }
      list.replaceChildren(...data.questions.map((q) => el("li", {},
        el("p", { class: "kind" }, q.kind + " · " + (q.ok ? "oracle: one defensible answer ✓" : "oracle: " + q.problems.join("; "))),
        el("p", {}, el("strong", {}, q.prompt)),
        el("pre", { class: "answers" }, q.answers.join("\n")),
        q.explanation.map((e) => el("p", { class: "explain" }, e)),
        el("button", { type: "button", class: "danger", "data-drop": q.id, on: { click: () => drop(q.id, true) } },
          "Drop this question"))));
      version = data.version;
      droppedBox.replaceChildren(...(data.dropped.length ? [el("h2", {}, "Dropped questions"),
        el("ul", {}, data.dropped.map((qid) => el("li", {}, el("code", {}, qid), " ",
          el("button", { type: "button", on: { click: () => drop(qid, false) } }, "Restore"))))] : []));
      downloads.replaceChildren(...data.formats.map((f) => {
        const item = el("li", {}, el("button", { type: "button", "data-format": f.name, on: { click: () => files(f.name, item) } }, "Build " + f.name), " " + f.description);
        return item;
      }));
      say(data.questions.length + " questions", "ok");
    }

    async function files(format, item) {
      say("Building " + format + "…");
      const q = query() + "&format=" + encodeURIComponent(format);
      const { ok, data } = await api("GET", "/api/bases/" + id + "/files?" + q);
      if (!ok) { say(data.error, "error"); return; }
      const links = el("ul", {}, data.files.map((name) => el("li", {},
        el("a", { href: "/api/bases/" + id + "/files?" + q + "&file=" + encodeURIComponent(name), download: name }, name))));
      item.querySelector("ul")?.remove();
      item.append(links);
      say("Ready: " + data.files.join(", "), "ok");
    }
    load();
  }
})();
