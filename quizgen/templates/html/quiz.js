(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("quiz-data").textContent).questions;
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.question"));
  var progress = document.getElementById("progress");
  var result = document.getElementById("result");
  var total = data.reduce(function (sum, q) { return sum + q.points; }, 0);
  var earned = [];
  var announcer = document.createElement("p");
  announcer.setAttribute("aria-live", "polite");
  announcer.className = "sr-only";
  announcer.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);";
  document.body.appendChild(announcer);

  // The progress line sticks to the top of the window: what gets focus is scrolled clear of
  // it, however many lines it wraps to (the stylesheet's scroll-padding-top is the fallback).
  function clearOfProgress() {
    document.documentElement.style.scrollPaddingTop = (progress.offsetHeight + 8) + "px";
  }
  clearOfProgress();
  if (window.ResizeObserver) {
    new window.ResizeObserver(clearOfProgress).observe(progress);
  } else {
    window.addEventListener("resize", clearOfProgress);
  }

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function items(section) {
    return all(section, "li.item");
  }

  // What the student has answered, or null while the answer is incomplete.
  function answerOf(section, q) {
    if (q.type === "choice") {
      var picked = section.querySelector("input[type=radio]:checked");
      return picked ? Number(picked.value) : null;
    }
    if (q.type === "matching" || q.type === "gapfill") {
      var values = all(section, "select").map(function (s) { return s.value; });
      if (values.some(function (v) { return v === ""; })) { return null; }
      return values.map(Number);
    }
    return items(section).map(function (li) { return Number(li.getAttribute("data-i")); });
  }

  // One rule for every format (quizgen.quiz.scoring): full marks when every part is right,
  // `partial` when at most `slips` parts (pairs, items out of place) are wrong, otherwise 0;
  // `each` for every part that is right, when the rule counts parts (the gaps of a gap-fill).
  function pointsFor(q, answer) {
    var wrong = q.type === "choice" ? (answer === q.answer ? 0 : 1) :
      q.answer.filter(function (key, place) { return answer[place] !== key; }).length;
    if (q.each) { return (q.answer.length - wrong) * q.each; }
    if (wrong === 0) { return q.points; }
    return wrong <= q.slips ? q.partial : 0;
  }

  function refreshMoves(section) {
    var list = items(section);
    list.forEach(function (li, position) {
      li.querySelector("button.up").disabled = position === 0 || earned[index(section)] !== undefined;
      li.querySelector("button.down").disabled =
        position === list.length - 1 || earned[index(section)] !== undefined;
    });
  }

  function index(section) {
    return sections.indexOf(section);
  }

  function refresh(section) {
    var i = index(section);
    var button = section.querySelector("button.check");
    button.disabled = earned[i] !== undefined || answerOf(section, data[i]) === null;
  }

  function mark(element, good) {
    element.classList.add(good ? "right" : "wrong");
  }

  function check(section) {
    var i = index(section);
    var q = data[i];
    var answer = answerOf(section, q);
    if (answer === null || earned[i] !== undefined) { return; }
    var points = pointsFor(q, answer);
    earned[i] = points;
    if (q.type === "choice") {
      all(section, "label.choice").forEach(function (label) {
        var option = Number(label.getAttribute("data-i"));
        if (option === q.answer) { mark(label, true); }
        else if (option === answer) { mark(label, false); }
      });
    } else if (q.type === "matching") {
      all(section, ".pair").forEach(function (pair, left) {
        var good = answer[left] === q.answer[left];
        mark(pair, good);
        pair.querySelector(".mark").textContent = good ? "✓ right" :
          "✗ the match is " + pair.querySelector("select").options[q.answer[left] + 1].text;
      });
    } else if (q.type === "gapfill") {
      all(section, ".gap").forEach(function (gap, n) {
        var good = answer[n] === q.answer[n];
        mark(gap, good);
        gap.querySelector(".mark").textContent = good ? "✓" :
          "✗ " + gap.querySelector("select").options[q.answer[n] + 1].text;
      });
    } else {
      items(section).forEach(function (li, position) {
        mark(li, Number(li.getAttribute("data-i")) === q.answer[position]);
      });
    }
    all(section, "input, select, button").forEach(function (control) { control.disabled = true; });
    var feedback = section.querySelector(".feedback");
    var full = points === q.points;
    feedback.className = "feedback " + (full ? "good" : "bad");
    feedback.textContent = (full ? "✓ Correct" : points > 0 ? "◐ Partly right" : "✗ Not quite") +
      " — " + points + " of " + q.points + " point" + (q.points === 1 ? "" : "s") + ".";
    section.querySelector(".reveal").hidden = false;
    section.classList.add("checked");
    evidence(section, true);
    feedback.setAttribute("tabindex", "-1");
    feedback.focus();
    update();
  }

  // The article's paragraphs holding a question's evidence: highlighted once it is answered.
  function evidence(section, on) {
    if (on) {
      all(document, ".para.evidence").forEach(function (p) { p.classList.remove("evidence"); });
    }
    (section.getAttribute("data-evidence") || "").split(" ").forEach(function (id) {
      var para = id ? document.getElementById(id) : null;
      if (para) { para.classList.toggle("evidence", on); }
    });
  }

  function update() {
    var done = earned.filter(function (p) { return p !== undefined; }).length;
    var score = earned.reduce(function (sum, p) { return sum + (p || 0); }, 0);
    progress.textContent = done + " of " + data.length + " answered · score " + score +
      " of " + total;
    if (done === data.length) {
      var perfect = data.filter(function (q, i) { return earned[i] === q.points; }).length;
      document.getElementById("score").textContent = score + " / " + total;
      document.getElementById("score-detail").textContent = "You scored " + score + " of " +
        total + " points: " + perfect + " of " + data.length + " questions fully right.";
      result.hidden = false;
      result.focus();
    }
  }

  function move(section, li, step) {
    var list = li.parentNode;
    var target = step < 0 ? li.previousElementSibling : li.nextElementSibling;
    if (!target) { return; }
    if (step < 0) { list.insertBefore(li, target); } else { list.insertBefore(target, li); }
    all(list, "li").forEach(function (other) { other.classList.remove("moved"); });
    li.classList.add("moved");
    refreshMoves(section);
    var position = items(section).indexOf(li) + 1;
    var button = li.querySelector(step < 0 ? "button.up" : "button.down");
    if (button.disabled) { button = li.querySelector(step < 0 ? "button.down" : "button.up"); }
    button.focus();
    announcer.textContent = "Moved to position " + position + " of " + items(section).length;
  }

  // Drag an item by its grip (mouse, pen or finger); the arrows do the same from the keyboard.
  function enableDrag(section) {
    var list = section.querySelector("ol.order");
    if (!list) { return; }
    list.addEventListener("pointerdown", function (event) {
      var grip = event.target.closest ? event.target.closest(".grip") : null;
      if (!grip || earned[index(section)] !== undefined) { return; }
      var li = grip.closest("li.item");
      event.preventDefault();
      if (grip.setPointerCapture) { grip.setPointerCapture(event.pointerId); }
      li.classList.add("dragging");
      function follow(moveEvent) {
        // The neighbours move, never the dragged item: moving it would end the pointer capture.
        var others = items(section).filter(function (other) { return other !== li; });
        var goal = others.filter(function (other) {
          var box = other.getBoundingClientRect();
          return moveEvent.clientY > box.top + box.height / 2;
        }).length;
        var moved = false;
        while (items(section).indexOf(li) > goal) {
          list.insertBefore(li.previousElementSibling, li.nextElementSibling);
          moved = true;
        }
        while (items(section).indexOf(li) < goal) {
          list.insertBefore(li.nextElementSibling, li);
          moved = true;
        }
        if (moved) { refreshMoves(section); }
      }
      function drop() {
        grip.removeEventListener("pointermove", follow);
        grip.removeEventListener("pointerup", drop);
        grip.removeEventListener("pointercancel", drop);
        li.classList.remove("dragging");
        all(list, "li").forEach(function (other) { other.classList.remove("moved"); });
        li.classList.add("moved");
        announcer.textContent = "Moved to position " + (items(section).indexOf(li) + 1) +
          " of " + items(section).length;
      }
      grip.addEventListener("pointermove", follow);
      grip.addEventListener("pointerup", drop);
      grip.addEventListener("pointercancel", drop);
    });
  }

  sections.forEach(function (section, i) {
    enableDrag(section);
    var original = items(section);
    section.addEventListener("change", function () { refresh(section); });
    section.querySelector("button.check").addEventListener("click", function () { check(section); });
    all(section, "li.item").forEach(function (li) {
      li.querySelector("button.up").addEventListener("click", function () { move(section, li, -1); });
      li.querySelector("button.down").addEventListener("click", function () { move(section, li, 1); });
    });
    section.resetQuiz = function () {
      earned[i] = undefined;
      all(section, "input, select, button").forEach(function (control) { control.disabled = false; });
      all(section, "input[type=radio]").forEach(function (input) { input.checked = false; });
      all(section, "select").forEach(function (select) { select.value = ""; });
      var list = section.querySelector("ol.order");
      original.forEach(function (li) { if (list) { list.appendChild(li); } });
      all(section, ".right, .wrong, .moved").forEach(function (el) {
        el.classList.remove("right", "wrong", "moved");
      });
      all(section, ".mark").forEach(function (el) { el.textContent = ""; });
      var feedback = section.querySelector(".feedback");
      feedback.textContent = "";
      feedback.className = "feedback";
      section.querySelector(".reveal").hidden = true;
      section.classList.remove("checked");
      evidence(section, false);
      if (list) { refreshMoves(section); }
      refresh(section);
    };
    section.resetQuiz();
  });

  document.getElementById("again").addEventListener("click", function () {
    sections.forEach(function (section) { section.resetQuiz(); });
    result.hidden = true;
    update();
    window.scrollTo(0, 0);
    var first = sections[0] && sections[0].querySelector("input, select, button");
    if (first) { first.focus(); }
  });
  update();
}());
