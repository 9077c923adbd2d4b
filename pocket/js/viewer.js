// The viewer inside a pocket file: it asks for the passphrase, opens the
// armored age file kept in the page with the official TypeScript age
// (age-encryption), and shows what it holds. Nothing is fetched and nothing
// is stored: the plaintext lives only in this page's memory, and closing
// the page (the close button, or the back button) replaces it with a
// blank one.
//
// The page builds every element with createElement and textContent: what
// the person wrote is never read as HTML.
import { Decrypter, armor } from "age-encryption";

const $ = (id) => document.getElementById(id);

// el makes an element with a class and text, and appends children.
function el(tag, cls, text, ...kids) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  for (const k of kids) if (k) e.append(k);
  return e;
}

// fill puts a value in place of {1}, {2}… in a message.
function fill(msg, ...vals) {
  return msg.replace(/\{(\d)\}/g, (m, n) => vals[n - 1] ?? m);
}

// close leaves a blank page in place of this one, in history too.
function close() {
  document.body.textContent = "";
  location.replace("about:blank");
}

// Digits as people type them: ASCII, fullwidth and Arabic-Indic.
const zeros = [0x30, 0xff10, 0x660, 0x6f0];
function digitOf(c) {
  const n = c.codePointAt(0);
  for (const z of zeros) if (n >= z && n <= z + 9) return String(n - z);
  return null;
}

// matches is plan.Phone.Matches: forgiving about separators, spaces and a
// leading "+", strict about every digit. seps comes from plan.DialSeparators,
// accept from plan.Phone.MatchDigits.
function matches(typed, seps, accept) {
  let got = "";
  for (const c of typed) {
    const d = digitOf(c);
    if (d !== null) got += d;
    else if (c !== "+" && !seps.includes(c)) return null; // not a number at all
  }
  return accept.includes(got);
}

// The locked screen.
const lockStrings = JSON.parse($("s").textContent);
const armored = $("d").textContent;

async function unlock(ev) {
  ev.preventDefault();
  const field = $("p");
  const msg = $("m");
  const pass = field.value.trim().replace(/\s+/g, " ");
  if (!pass) return;
  if (typeof ReadableStream === "undefined" || typeof TextDecoder === "undefined") {
    msg.textContent = lockStrings.old;
    return;
  }
  $("o").disabled = true;
  msg.textContent = lockStrings.wait;
  // Let the page show the message before scrypt holds the page busy.
  await new Promise((r) => setTimeout(r, 50));
  let text;
  try {
    const d = new Decrypter();
    d.addPassphrase(pass);
    text = await d.decrypt(armor.decode(armored), "text");
  } catch {
    field.value = "";
    msg.textContent = lockStrings.wrong;
    $("o").disabled = false;
    field.focus();
    return;
  }
  field.value = "";
  show(JSON.parse(text));
}

$("f").addEventListener("submit", unlock);
$("p").focus();
// A page kept in the browser's back-forward cache would keep the plan:
// leaving the page empties it.
addEventListener("pagehide", () => { document.body.textContent = ""; });

// show replaces the locked screen with the plan.
function show(data) {
  const t = data.t;
  $("l").remove();
  const app = $("a");
  app.hidden = false;
  // The back button closes, as the close button does.
  history.pushState(null, "", location.href);
  addEventListener("popstate", close);

  const bar = el("nav", "bar");
  const home = el("button", "", t.summary);
  const drill = el("button", "", t.drill);
  const shut = el("button", "close", t.close);
  shut.id = "x";
  home.id = "h";
  drill.id = "r";
  // One way to the other view, and close: room for both on a small screen.
  home.hidden = true;
  bar.append(home);
  if (data.drill && data.drill.length) bar.append(drill);
  bar.append(shut);
  const view = el("div", "view");
  app.append(bar, view);
  shut.addEventListener("click", close);
  home.addEventListener("click", () => {
    home.hidden = true;
    drill.hidden = false;
    summary(view, data);
  });
  drill.addEventListener("click", () => {
    drill.hidden = true;
    home.hidden = false;
    practise(view, data);
  });
  summary(view, data);
}

// phone shows one number whole, as a link to call it if the person chose.
function phone(ph, big) {
  const text = el("span", big ? "num big" : "num");
  ph.groups.forEach((g, i) => {
    if (i) text.append(" ");
    text.append(el("span", "g", g));
  });
  // The extension on a line of its own, so that the number itself is
  // never broken across two lines.
  if (ph.ext) text.append(" ", el("span", "g ext", ph.ext));
  if (!ph.tel) return text;
  const a = el("a", "call", "", text);
  a.href = "tel:" + ph.tel;
  return a;
}

function person(p, big) {
  const box = el("div", "person", "", el("div", "name", p.name));
  if (p.roles && p.roles.length) box.append(el("div", "role", p.roles.join(", ")));
  for (const ph of p.phones || []) box.append(el("div", "", "", phone(ph, big)));
  return box;
}

function summary(view, data) {
  const t = data.t;
  view.textContent = "";
  if (data.learn && data.learn.length) {
    const s = el("section", "learn", "", el("h2", "", t.numbers));
    for (const p of data.learn) s.append(person(p, true));
    view.append(s);
  }
  if (data.people && data.people.length) {
    const s = el("section", "who", "", el("h2", "", t.people));
    for (const p of data.people) s.append(person(p, false));
    view.append(s);
  }
  for (const pl of data.parts || []) {
    const s = el("section", "", "", el("h2", "", pl.title));
    if (pl.context) s.append(el("p", "context", pl.context));
    for (const sec of pl.sections) {
      s.append(el("h3", "", sec.title));
      for (const it of sec.items) {
        const item = el("div", "item", "", el("div", "q", it.q));
        for (const line of it.lines || []) item.append(el("p", "a", line));
        s.append(item);
      }
    }
    view.append(s);
  }
  scrollTo(0, 0);
}

// practise is pathway practise's drill: each number asked by its name,
// then shown in its groups; a missed number comes back once at the end.
// The progress lives in this page only.
function practise(view, data) {
  const t = data.t;
  const queue = data.drill.map((d, i) => ({ d, i }));
  const missed = new Set();
  let right = 0;
  let asked = 0;
  let feedback = "";
  const next = () => {
    view.textContent = "";
    if (!queue.length) {
      const done = el("section", "drill", "", el("p", "feedback", feedback));
      done.append(el("p", "score", fill(t.score, right, asked)));
      const again = el("button", "", t.again);
      again.id = "g";
      again.addEventListener("click", () => practise(view, data));
      done.append(again);
      view.append(done);
      return;
    }
    const { d, i } = queue[0];
    const form = el("form", "drill");
    const label = el("label", "ask", fill(t.ask, d.name));
    label.htmlFor = "n";
    const input = el("input");
    input.id = "n";
    input.type = "text";
    input.inputMode = "tel";
    input.autocomplete = "off";
    input.spellcheck = false;
    const check = el("button", "", t.check);
    check.id = "c";
    const fb = el("p", "feedback", feedback);
    fb.setAttribute("role", "status");
    form.append(fb, label, input, check, el("p", "help", t.skip));
    view.append(form);
    input.focus();
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const typed = input.value.trim();
      const ok = typed ? matches(typed, data.seps, d.accept) : false;
      if (ok === null) {
        feedback = t.digits;
        return next();
      }
      queue.shift();
      asked++;
      const spoken = d.groups.join(" · ");
      if (ok) {
        right++;
        feedback = fill(t.right, spoken);
      } else {
        feedback = fill(t.wrong, spoken);
        if (!missed.has(i)) {
          missed.add(i);
          queue.push({ d, i });
        }
      }
      next();
    });
  };
  next();
}
