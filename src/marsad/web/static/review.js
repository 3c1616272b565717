// marsad workbench, review mode: confirm or reject an event, correct it so that the record stays
// coherent — a place is picked from the gazetteer (location, provinces, point and precision move
// together), an actor from the knowledge base (a new one only when marked new) — and undo any
// correction. The server checks every edit; its refusal (a 422) is shown beside the form.
// Uses app.js's helpers (el, $, api, state, fmt, openEvent, refresh).
"use strict";

const LISTS = ["assoc_actor_1", "assoc_actor_2", "sources"];  // edited as "a; b; c"

function author() {
  return $("author").value.trim() || "anonymous";
}

// A text box with suggestions from the server: arrows move, Enter or a click picks, Escape closes.
// `multi`: the box holds "a; b; c" and the suggestions complete the last name.
function typeahead(input, { search, label, pick, multi }) {
  const list = el("ul", { class: "suggest", role: "listbox", id: `${input.id}-list`, hidden: true });
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("autocomplete", "off");
  let items = [], active = -1, ticket = 0, timer = null;
  const term = () => (multi ? input.value.split(";").pop() : input.value).trim();
  const close = () => {
    list.hidden = true; active = -1;
    input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant");
  };
  const choose = i => {
    const text = pick(items[i]);
    if (multi) {
      const parts = input.value.split(";").map(s => s.trim());
      parts[parts.length - 1] = text;
      input.value = parts.filter(Boolean).join("; ");
    } else input.value = text;
    close();
  };
  const show = () => {
    list.replaceChildren(...items.map((it, i) => el("li", { role: "option", id: `${list.id}-${i}`,
      class: i === active ? "active" : null, "aria-selected": String(i === active),
      onmousedown: ev => { ev.preventDefault(); choose(i); } }, label(it))));
    list.hidden = !items.length;
    input.setAttribute("aria-expanded", String(Boolean(items.length)));
    if (active >= 0) input.setAttribute("aria-activedescendant", `${list.id}-${active}`);
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = term(), mine = ++ticket;
    if (q.length < 2) { items = []; close(); return; }
    timer = setTimeout(async () => {
      try {
        const found = await search(q);
        if (mine !== ticket) return;
        items = found; active = found.length ? 0 : -1;
        show();
      } catch (e) {
        items = [];
        list.replaceChildren(el("li", { class: "error" }, e.message));
        list.hidden = false;
      }
    }, 150);
  });
  input.addEventListener("keydown", ev => {
    if (list.hidden || !items.length) return;
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      active = (active + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      show();
    } else if (ev.key === "Enter" && active >= 0) {
      ev.preventDefault();  // picks the suggestion, does not submit the form
      choose(active);
    } else if (ev.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 200));
  return el("div", { class: "typeahead" }, input, list);
}

async function searchPlaces(q) {
  return (await api("/api/gazetteer/search?" + new URLSearchParams({ q, limit: 10 }))).places;
}

async function searchActors(q) {
  return (await api("/api/kb/actors?" + new URLSearchParams({ q, limit: 10 }))).actors;
}

function placeText(p) {
  return [p.name, p.admin2, p.admin1, p.country].filter((x, i, a) => x && a.indexOf(x) === i).join(", ");
}

function actorLabel(a) {
  return el("span", {}, a.actor, el("span", { class: "note" }, ` ${a.inter || ""}${a.matched && a.matched !== a.actor ? ` — as “${a.matched}”` : ""}`));
}

function field(name, text, input, hint) {
  return el("label", { "data-edit": name }, el("span", {}, text), el("div", {}, input, hint || null));
}

function reviewTools(e) {
  if (!state.config.writable) return el("p", { class: "note" }, "This server is read-only.");
  const form = el("form", { class: "edit", id: "edit-form", novalidate: true });
  const inputs = {};
  const types = state.vocab.event_types;
  const subsOf = t => (types.find(x => x.name === t) || { sub_event_types: [] }).sub_event_types;
  inputs.event_type = el("select", { name: "event_type" }, types.map(t => el("option", { value: t.name, selected: t.name === e.event_type }, t.name)));
  const subs = subsOf(e.event_type).includes(e.sub_event_type) ? subsOf(e.event_type) : [e.sub_event_type, ...subsOf(e.event_type)];
  inputs.sub_event_type = el("select", { name: "sub_event_type" }, subs.map(o => el("option", { value: o, selected: o === e.sub_event_type }, o)));
  inputs.event_type.addEventListener("change", () => {
    inputs.sub_event_type.replaceChildren(...subsOf(inputs.event_type.value).map(o => el("option", { value: o }, o)));
  });
  inputs.modality = el("select", { name: "modality" }, MODALITIES.map(m => el("option", { value: m, selected: m === (e.modality || "occurred") }, m)));
  inputs.event_date = el("input", { name: "event_date", type: "date", value: e.event_date || "", max: new Date().toISOString().slice(0, 10) });
  inputs.fatalities = el("input", { name: "fatalities", type: "number", min: 0, value: e.fatalities ?? "" });
  inputs.notes = el("input", { name: "notes", value: e.notes || "" });
  for (const k of ["actor1", "actor2"]) inputs[k] = el("input", { name: k, id: `edit-${k}`, value: e[k] || "" });
  for (const k of LISTS) inputs[k] = el("input", { name: k, id: `edit-${k}`, value: (e[k] || []).join("; "), placeholder: "names separated by ;" });

  // The place: only from the gazetteer, so that everything about where moves together.
  let place = null;
  const placeInput = el("input", { name: "place", id: "edit-place", value: [e.location, e.admin1, e.country].filter(Boolean).join(", "),
    placeholder: "type a town, district or province…" });
  const placeNote = el("div", { class: "note", id: "place-picked" }, "pick a place from the list to move the event");
  const placeBox = typeahead(placeInput, {
    search: searchPlaces,
    label: p => el("span", {}, placeText(p), el("span", { class: "note" }, ` · ${p.feature_code || "?"}${p.population ? " · pop. " + p.population.toLocaleString() : ""}`)),
    pick: p => {
      place = p;
      placeNote.textContent = `→ ${placeText(p)} · ${p.latitude.toFixed(3)}, ${p.longitude.toFixed(3)} · precision ${p.geo_precision ?? "?"}`;
      return placeText(p);
    },
  });
  const placeName = el("input", { name: "place_name", id: "edit-place-name",
    placeholder: "a place the gazetteer lacks, at or near it (optional)" });
  const actorBox = k => typeahead(inputs[k], { search: searchActors, label: actorLabel, pick: a => a.actor, multi: k.startsWith("assoc") });
  const newActor = el("input", { type: "checkbox", name: "new_actor", id: "new-actor" });

  form.append(
    field("event_type", "event type", inputs.event_type), field("sub_event_type", "sub-event type", inputs.sub_event_type),
    field("modality", "modality", inputs.modality), field("event_date", "date", inputs.event_date),
    field("place", "place", placeBox, placeNote), field("place_name", "named as", placeName),
    field("actor1", "actor 1", actorBox("actor1")), field("assoc_actor_1", "with actor 1", actorBox("assoc_actor_1")),
    field("actor2", "actor 2", actorBox("actor2")), field("assoc_actor_2", "with actor 2", actorBox("assoc_actor_2")),
    el("label", { class: "check" }, newActor, " a name not in the actor knowledge base is a new actor"),
    field("sources", "sources", inputs.sources), field("fatalities", "fatalities", inputs.fatalities),
    field("notes", "notes", inputs.notes),
    field("_note", "why", el("input", { name: "_note", placeholder: "why (optional)" })));
  const message = el("div", { class: "note", id: "review-message", role: "status" });
  form.append(el("button", { type: "submit", id: "save-corrections" }, "Save corrections"), message);
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const changes = {};
    const text = k => inputs[k].value.trim();
    for (const k of ["event_type", "sub_event_type"]) if (text(k) !== e[k]) changes[k] = text(k);
    if (text("modality") !== (e.modality || "occurred")) changes.modality = text("modality");
    for (const k of ["event_date", "notes", "actor1", "actor2"]) if ((text(k) || null) !== (e[k] || null)) changes[k] = text(k) || null;
    const fat = text("fatalities") === "" ? null : Number(text("fatalities"));
    if (fat !== (e.fatalities ?? null)) changes.fatalities = fat;
    for (const k of LISTS) {
      const names = text(k).split(";").map(s => s.trim()).filter(Boolean);
      if (names.join("\n") !== (e[k] || []).join("\n")) changes[k] = names;
    }
    if (place) changes.place = { geonameid: place.geonameid, ...(placeName.value.trim() ? { location: placeName.value.trim() } : {}) };
    else if (placeName.value.trim()) {
      message.textContent = "pick a place from the list first: the name is placed at or near it";
      message.className = "error";
      return;
    }
    if (!Object.keys(changes).length) { message.textContent = "nothing changed"; message.className = "note"; return; }
    const body = { author: author(), note: form.elements._note.value || null, changes };
    if (newActor.checked) body.new_actor = true;
    await write(`/api/events/${encodeURIComponent(e.event_id)}/corrections`, body, message);
  });
  const decide = status => write(`/api/events/${encodeURIComponent(e.event_id)}/review`, { author: author(), status }, message);
  return el("div", { class: "review" },
    el("div", { class: "review-bar" },
      el("button", { type: "button", id: "confirm", onclick: () => decide("confirmed") }, "Confirm"),
      el("button", { type: "button", id: "reject", onclick: () => decide("rejected") }, "Reject"),
      el("button", { type: "button", onclick: () => decide("unreviewed") }, "Unreview")),
    form);
}

// The correction log, each entry with an Undo: a new correction that puts the field back.
function correctionLog(d) {
  if (!d.corrections.length) return [];
  const canUndo = state.reviewMode && state.config.writable;
  const message = el("div", { class: "note", id: "undo-message", role: "status" });
  const id = encodeURIComponent(d.event.event_id);
  return [el("h3", {}, "Correction log"),
    el("table", { class: "correction-log" }, el("tbody", {}, d.corrections.map(c => el("tr", { "data-correction": c.id },
      el("td", {}, `${c.created_at.slice(0, 16).replace("T", " ")} · ${c.author}`),
      el("td", {}, `${c.field} = ${fmt(c.value)}`, c.note ? el("span", { class: "note" }, ` (${c.note})`) : null),
      canUndo ? el("td", {}, el("button", { type: "button", class: "undo", "data-correction": c.id,
        title: `Write a correction that puts ${c.field} back as it was before this one`,
        onclick: () => write(`/api/events/${id}/corrections/${encodeURIComponent(c.id)}/revert`, { author: author() }, message) },
      "Undo")) : null)))),
    message];
}

async function write(url, body, message) {
  const headers = { "content-type": "application/json" };
  const token = $("token").value;
  if (token) headers.authorization = "Bearer " + token;
  try {
    const r = await api(url, { method: "POST", headers, body: JSON.stringify(body) });
    localStorage.setItem("marsad.author", $("author").value);
    await openEvent(r.event.event_id, { keepUrl: true, keepFocus: true });
    const done = $("review-message");
    if (done) { done.textContent = "saved"; done.className = "note"; }
    refresh({ keepPanel: true });
  } catch (e) {
    message.textContent = "not saved: " + e.message;
    message.className = "error";
    message.setAttribute("role", "alert");
  }
}
