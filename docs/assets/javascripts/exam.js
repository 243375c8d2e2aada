/*
 * The practice exam (docs/exam.md): a mock interview exam drawn from the
 * self-check quizzes of the question bank.
 *
 * Reads window.guideQuestionBank (assets/questions/bank.js, written by
 * hooks/question_bank.py) and saves through window.guideProgress (progress.js).
 * Everything is drawn into #exam-app in three views:
 *
 * - set-up: areas, difficulties, number of questions, time limit and layout.
 *   Questions are drawn at random, spread as evenly as the bank allows over
 *   the chosen areas and, inside each area, over its topics. Options keep
 *   their order, so the indices saved as `selected` match the bank's.
 * - exam: one question at a time (Previous / Next) or all on one page; no
 *   answer is shown. With a time limit a countdown runs and the exam finishes
 *   by itself at zero. Finishing with unanswered questions asks first.
 * - results: score, time, a table per area, then every question with the
 *   learner's answer and the right one, the explanation and a link to the
 *   question on its topic page. Answered questions are recorded with via
 *   "exam" (so the topic pages show them) and the exam is added to the list
 *   the progress dashboard shows.
 *
 * Links inside the bank's HTML are relative to the site root; they get the
 * path from this page to the root (Material's __config "base"), so the page
 * works from disk and over http. Status messages go to an aria-live line;
 * focus moves to the heading of the question shown, or of the results.
 * Checked by tests/test_exam.py and tests/test_accessibility.py.
 */
(function () {
  "use strict";

  var root = document.getElementById("exam-app");
  if (!root) return;

  var COUNTS = [10, 20, 40];
  var LIMITS = [0, 10, 20, 30, 60]; // minutes; 0 is no limit
  var DIFFICULTIES = ["easy", "medium", "hard"];
  var LAYOUTS = [
    { id: "one", label: "One question at a time" },
    { id: "all", label: "All questions on one page" },
  ];
  var WARNINGS = [300, 60]; // seconds left at which the countdown is announced

  var bank = window.guideQuestionBank;
  var progress = window.guideProgress;
  if (!bank || !Array.isArray(bank.questions) || !Array.isArray(bank.areas)) {
    root.textContent =
      "The questions could not be loaded, so the exam cannot start. " +
      "Reload the page; if this stays, the copy of the guide is incomplete.";
    return;
  }

  var el = window.guidePage.el;
  var quizzes = bank.questions.filter(function (question) { return question.kind === "quiz"; });
  var areaTitles = {};
  var topicTitles = {};
  bank.areas.forEach(function (area) {
    areaTitles[area.id] = area.title;
    area.topics.forEach(function (topic) { topicTitles[topic.id] = topic.title; });
  });
  var areas = bank.areas.filter(function (area) {
    return quizzes.some(function (question) { return question.area === area.id; });
  });

  var settings = {
    areas: areas.map(function (area) { return area.id; }),
    difficulties: DIFFICULTIES.slice(),
    count: COUNTS[0],
    minutes: 0,
    layout: "one",
  };
  var exam = null; // the exam being taken: {questions, answers, index, settings, started, deadline, timer, ...}

  root.textContent = "";
  var status = el("p", { class: "exam-status", role: "status", "aria-live": "polite" });
  var view = el("div", { class: "exam-view" });
  root.appendChild(status);
  root.appendChild(view);
  showSetup();

  /* ---------------------------------------------------------------- set-up */

  function showSetup() {
    var heading = el("h2", { id: "exam-setup-heading", tabindex: "-1", text: "Set up your exam" });
    var form = el("form", { class: "exam-setup", novalidate: "" });

    var areaCounts = {};
    var areaBoxes = areas.map(function (area) {
      areaCounts[area.id] = el("span", { class: "exam-muted" });
      return choice("checkbox", "exam-area", area.id, settings.areas.indexOf(area.id) >= 0, [
        document.createTextNode(area.title + " "), areaCounts[area.id],
      ]);
    });
    form.appendChild(group("Areas", areaBoxes, "exam-choices--areas"));
    form.appendChild(group("Difficulty", DIFFICULTIES.map(function (level) {
      return choice("checkbox", "exam-difficulty", level, settings.difficulties.indexOf(level) >= 0, [
        document.createTextNode(capitalise(level)),
      ]);
    })));
    form.appendChild(group("Number of questions", COUNTS.map(function (count) {
      return choice("radio", "exam-count", String(count), settings.count === count, [document.createTextNode(String(count))]);
    })));
    form.appendChild(group("Time limit", LIMITS.map(function (minutes) {
      var label = minutes ? minutes + " minutes" : "None";
      return choice("radio", "exam-limit", String(minutes), settings.minutes === minutes, [document.createTextNode(label)]);
    })));
    form.appendChild(group("Layout", LAYOUTS.map(function (layout) {
      return choice("radio", "exam-layout", layout.id, settings.layout === layout.id, [document.createTextNode(layout.label)]);
    })));

    var matching = el("p", { class: "exam-matching", id: "exam-matching", "aria-live": "polite" });
    var start = el("button", {
      type: "submit", class: "md-button md-button--primary", "aria-describedby": "exam-matching", text: "Start the exam",
    });
    form.appendChild(matching);
    form.appendChild(el("p", { class: "exam-actions" }, [start]));

    function update() {
      var chosen = readSetup(form);
      areas.forEach(function (area) {
        var count = quizzes.filter(function (question) {
          return question.area === area.id && chosen.difficulties.indexOf(question.difficulty) >= 0;
        }).length;
        areaCounts[area.id].textContent = "(" + count + ")";
      });
      var pool = poolFor(chosen);
      matching.textContent = pool.length === 1 ? "1 question matches these choices." :
        pool.length + " questions match these choices.";
    }
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = readSetup(form);
      var pool = poolFor(chosen);
      if (!pool.length) {
        say(!chosen.areas.length || !chosen.difficulties.length ?
          "No question matches, so the exam did not start: choose at least one area and one difficulty." :
          "No question matches these choices, so the exam did not start: choose more areas or difficulties.");
        return;
      }
      settings = chosen;
      var questions = draw(pool, chosen.areas, chosen.count);
      var note = questions.length < chosen.count ?
        "Only " + questions.length + " question" + (questions.length === 1 ? " matches" : "s match") +
        " these choices, so the exam has " + questions.length + ". " : "";
      startExam(questions, chosen, note);
    });

    stopTimer();
    replaceView([heading, form]);
    update();
    return heading;
  }

  function readSetup(form) {
    function values(name) {
      return Array.prototype.map.call(form.querySelectorAll("input[name='" + name + "']:checked"), function (input) {
        return input.value;
      });
    }
    return {
      areas: values("exam-area"),
      difficulties: values("exam-difficulty"),
      count: Number(values("exam-count")[0] || COUNTS[0]),
      minutes: Number(values("exam-limit")[0] || 0),
      layout: values("exam-layout")[0] || "one",
    };
  }

  function poolFor(chosen) {
    return quizzes.filter(function (question) {
      return chosen.areas.indexOf(question.area) >= 0 && chosen.difficulties.indexOf(question.difficulty) >= 0;
    });
  }

  /* Up to `count` questions of `pool` at random: as evenly as possible over the areas, then over each area's topics. */
  function draw(pool, areaIds, count) {
    var byArea = areaIds.map(function (id) { return pool.filter(function (question) { return question.area === id; }); })
      .filter(function (questions) { return questions.length; });
    var perArea = spread(byArea.map(function (questions) { return questions.length; }), count);
    var picked = [];
    byArea.forEach(function (questions, index) {
      var topics = groups(questions, "topic");
      var perTopic = spread(topics.map(function (topic) { return topic.length; }), perArea[index]);
      topics.forEach(function (topic, k) { picked = picked.concat(shuffle(topic.slice()).slice(0, perTopic[k])); });
    });
    return shuffle(picked);
  }

  /* How many to take from each group of the given sizes, `total` in all: one each in turn, the remainder to random groups. */
  function spread(sizes, total) {
    var counts = sizes.map(function () { return 0; });
    var left = Math.min(total, sizes.reduce(function (sum, size) { return sum + size; }, 0));
    while (left > 0) {
      var open = shuffle(sizes.map(function (size, i) { return i; }).filter(function (i) { return counts[i] < sizes[i]; }));
      for (var k = 0; k < open.length && left > 0; k++) {
        counts[open[k]]++;
        left--;
      }
    }
    return counts;
  }

  function groups(questions, field) {
    var order = [];
    var byValue = {};
    questions.forEach(function (question) {
      if (!byValue[question[field]]) {
        byValue[question[field]] = [];
        order.push(question[field]);
      }
      byValue[question[field]].push(question);
    });
    return order.map(function (value) { return byValue[value]; });
  }

  function shuffle(items) {
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = items[i];
      items[i] = items[j];
      items[j] = swap;
    }
    return items;
  }

  /* ---------------------------------------------------------------- taking the exam */

  function startExam(questions, chosen, note) {
    stopTimer();
    var now = Date.now();
    exam = {
      questions: questions,
      answers: {},
      index: 0,
      settings: chosen,
      started: now,
      deadline: chosen.minutes ? now + chosen.minutes * 60000 : 0,
      warned: {},
      sections: [],
      timer: 0,
    };
    var total = questions.length;
    var bar = el("div", { class: "exam-bar" });
    exam.answeredText = el("p", { class: "exam-answered" });
    bar.appendChild(exam.answeredText);
    if (exam.deadline) {
      exam.clock = el("span", { class: "exam-clock" });
      bar.appendChild(el("p", { class: "exam-timer", role: "timer", "aria-label": "Time left" }, [
        document.createTextNode("Time left: "), exam.clock,
      ]));
    }
    exam.sections = questions.map(function (question, index) { return questionSection(question, index, total); });
    var list = el("div", { class: "exam-questions" }, exam.sections);
    list.addEventListener("input", onAnswer);
    list.addEventListener("change", onAnswer);

    exam.confirm = el("div", { class: "exam-confirm", hidden: "" });
    var nav = el("div", { class: "exam-nav" });
    if (chosen.layout === "one") {
      exam.previous = el("button", { type: "button", class: "md-button", text: "Previous" });
      exam.next = el("button", { type: "button", class: "md-button", text: "Next" });
      exam.previous.addEventListener("click", function () { go(exam.index - 1); });
      exam.next.addEventListener("click", function () { go(exam.index + 1); });
      nav.appendChild(exam.previous);
      nav.appendChild(exam.next);
    }
    var finishButton = el("button", { type: "button", class: "md-button md-button--primary exam-finish", text: "Finish" });
    finishButton.addEventListener("click", requestFinish);
    nav.appendChild(finishButton);

    replaceView([bar, list, exam.confirm, nav]);
    window.addEventListener("beforeunload", keepExam);
    countAnswered();
    var limit = chosen.minutes ? ", " + chosen.minutes + " minutes" : ", no time limit";
    say(note + "The exam has started: " + total + " question" + (total === 1 ? "" : "s") + limit + ".");
    if (exam.deadline) {
      tick();
      exam.timer = window.setInterval(tick, 1000);
    }
    go(0);
  }

  function questionSection(question, index, total) {
    var headingId = "exam-question-" + (index + 1);
    var heading = el("h2", { id: headingId, class: "exam-question-heading", tabindex: "-1", text: "Question " + (index + 1) + " of " + total });
    var section = el("section", { class: "exam-question", "data-question-id": question.id, "aria-labelledby": headingId }, [
      heading,
      where(question),
    ]);
    var stem = el("div", { class: "exam-stem" });
    stem.appendChild(fragment(question.stem, "exam-" + question.id + "-"));
    section.appendChild(stem);
    if (question.type === "fill-blank") {
      var blanks = stem.querySelectorAll("input.quiz-blank-input");
      Array.prototype.forEach.call(blanks, function (input, k) {
        input.setAttribute("data-blank", String(k));
        input.setAttribute("aria-label", blanks.length > 1 ? "Answer " + (k + 1) + " of " + blanks.length : "Answer");
      });
      section.appendChild(el("p", {
        class: "exam-hint",
        text: blanks.length > 1 ? "Type your answers in the boxes above." : "Type your answer in the box above.",
      }));
    } else {
      var multiple = question.type === "multiple";
      var options = question.options.map(function (option, k) {
        var id = "exam-" + question.id + "-option-" + k;
        var label = el("label", { for: id });
        label.appendChild(fragment(option.html, id + "-"));
        var input = el("input", { type: multiple ? "checkbox" : "radio", name: "exam-" + question.id, id: id, value: String(k) });
        return el("div", { class: "exam-option" }, [input, label]);
      });
      var legend = multiple ? "Choose every right answer" : "Choose one answer";
      section.appendChild(el("fieldset", { class: "exam-options" }, [el("legend", { text: legend })].concat(options)));
    }
    section.heading = heading;
    return section;
  }

  function onAnswer(event) {
    if (!exam) return;
    var section = event.target.closest(".exam-question");
    if (!section) return;
    var id = section.getAttribute("data-question-id");
    var question = exam.questions.filter(function (q) { return q.id === id; })[0];
    var selected;
    if (question.type === "fill-blank") {
      selected = Array.prototype.map.call(section.querySelectorAll("input.quiz-blank-input"), function (input) { return input.value; });
    } else {
      selected = Array.prototype.map.call(section.querySelectorAll("input[name='exam-" + id + "']:checked"), function (input) {
        return input.value;
      });
    }
    exam.answers[id] = selected;
    countAnswered();
  }

  function isAnswered(question, selected) {
    if (!selected) return false;
    if (question.type === "fill-blank") return selected.some(function (value) { return value.trim() !== ""; });
    return selected.length > 0;
  }

  function unanswered() {
    var missing = [];
    exam.questions.forEach(function (question, index) {
      if (!isAnswered(question, exam.answers[question.id])) missing.push(index);
    });
    return missing;
  }

  function countAnswered() {
    var total = exam.questions.length;
    exam.answeredText.textContent = "Answered: " + (total - unanswered().length) + " of " + total;
  }

  /* Show question `index` (one at a time) or bring it into view (all on one page), and focus its heading. */
  function go(index) {
    if (!exam || index < 0 || index >= exam.questions.length) return;
    exam.index = index;
    hideConfirm();
    if (exam.settings.layout === "one") {
      exam.sections.forEach(function (section, k) { section.hidden = k !== index; });
      exam.previous.disabled = index === 0;
      exam.next.disabled = index === exam.questions.length - 1;
    }
    window.guidePage.refreshScrollBoxes();
    focusOn(exam.sections[index].heading);
  }

  function requestFinish() {
    if (!exam) return;
    var missing = unanswered();
    if (!missing.length) {
      finish(false);
      return;
    }
    var numbers = missing.map(function (index) { return String(index + 1); });
    var message = missing.length === 1 ?
      "Question " + numbers[0] + " is not answered; it will count as wrong. Finish anyway?" :
      missing.length + " questions are not answered (" + listing(numbers) + "); they will count as wrong. Finish anyway?";
    var text = el("p", { class: "exam-confirm-text", tabindex: "-1", text: message });
    var finishAnyway = el("button", { type: "button", class: "md-button md-button--primary", text: "Finish anyway" });
    var back = el("button", {
      type: "button", class: "md-button",
      text: "Go back to question " + numbers[0],
    });
    finishAnyway.addEventListener("click", function () { finish(false); });
    back.addEventListener("click", function () { go(missing[0]); });
    exam.confirm.textContent = "";
    exam.confirm.appendChild(text);
    exam.confirm.appendChild(el("p", { class: "exam-actions" }, [finishAnyway, back]));
    exam.confirm.hidden = false;
    focusOn(text);
  }

  function hideConfirm() {
    if (exam && exam.confirm) {
      exam.confirm.hidden = true;
      exam.confirm.textContent = "";
    }
  }

  function tick() {
    if (!exam || !exam.deadline) return;
    var left = Math.max(0, Math.ceil((exam.deadline - Date.now()) / 1000));
    exam.clock.textContent = clockText(left);
    exam.clock.parentNode.classList.toggle("exam-timer--low", left <= 60);
    if (left <= 0) {
      finish(true);
      return;
    }
    WARNINGS.forEach(function (seconds) {
      if (left <= seconds && !exam.warned[seconds]) {
        exam.warned[seconds] = true;
        if (exam.settings.minutes * 60 > seconds) say(seconds / 60 + (seconds === 60 ? " minute" : " minutes") + " left.");
      }
    });
  }

  function stopTimer() {
    if (exam && exam.timer) window.clearInterval(exam.timer);
    if (exam) exam.timer = 0;
    window.removeEventListener("beforeunload", keepExam);
  }

  function keepExam(event) {
    event.preventDefault();
    event.returnValue = "";
  }

  /* ---------------------------------------------------------------- results */

  function finish(timedOut) {
    if (!exam || exam.done) return;
    stopTimer();
    exam.done = true;
    var ended = Date.now();
    var seconds = Math.round((ended - exam.started) / 1000);
    if (exam.deadline) seconds = Math.min(seconds, exam.settings.minutes * 60);
    var results = exam.questions.map(function (question) {
      var selected = exam.answers[question.id] || [];
      var answered = isAnswered(question, selected);
      return { question: question, selected: selected, answered: answered, correct: answered && isRight(question, selected) };
    });
    var right = results.filter(function (result) { return result.correct; }).length;
    var byArea = {};
    results.forEach(function (result) {
      var row = byArea[result.question.area] || (byArea[result.question.area] = { questions: 0, correct: 0 });
      row.questions++;
      if (result.correct) row.correct++;
    });
    var saved = saveResults(results, {
      at: ended,
      questions: results.length,
      correct: right,
      seconds: seconds,
      areas: exam.settings.areas.slice(),
      difficulties: exam.settings.difficulties.slice(),
      byArea: byArea,
      minutes: exam.settings.minutes,
      timedOut: timedOut,
    });
    var heading = showResults(results, right, seconds, timedOut, byArea, saved);
    var score = "You got " + right + " of " + results.length + " right.";
    say((timedOut ? "Time is up: the exam finished by itself. " : "The exam is finished. ") + score +
      (saved ? "" : " This browser did not let the answers be saved."));
    focusOn(heading);
  }

  /* mkdocs-quiz's rule: the same set of options as the right ones; every blank equal, ignoring case and surrounding spaces. */
  function isRight(question, selected) {
    if (question.type === "fill-blank") {
      return question.blanks.length === selected.length && question.blanks.every(function (answer, k) {
        return normalise(answer) === normalise(selected[k]);
      });
    }
    var rightOnes = [];
    question.options.forEach(function (option, k) { if (option.correct) rightOnes.push(String(k)); });
    return rightOnes.length === selected.length && rightOnes.every(function (k) { return selected.indexOf(k) >= 0; });
  }

  function normalise(text) {
    return String(text).trim().toLowerCase();
  }

  function saveResults(results, summary) {
    if (!progress) return false;
    var entries = {};
    results.forEach(function (result) {
      if (result.answered) {
        entries[result.question.id] = { key: result.question.key, correct: result.correct, selected: result.selected.slice() };
      }
    });
    var recorded = progress.record(entries, "exam");
    return progress.addExam(summary) && recorded;
  }

  function showResults(results, right, seconds, timedOut, byArea, saved) {
    var total = results.length;
    var settingsUsed = exam.settings;
    var heading = el("h2", { id: "exam-results-heading", tabindex: "-1", text: "Your result" });
    var score = el("p", { class: "exam-score" }, [
      el("strong", { class: "exam-score-number", text: right + " / " + total }),
      document.createTextNode(" right (" + percent(right, total) + ")"),
    ]);
    var time = "Time taken: " + duration(seconds) +
      (settingsUsed.minutes ? " of " + settingsUsed.minutes + " minutes" : "") +
      (timedOut ? ". Time ran out, so the exam finished by itself." : ".");
    var lines = [heading, score, el("p", { class: "exam-time", text: time })];
    var skipped = results.filter(function (result) { return !result.answered; }).length;
    if (skipped) {
      lines.push(el("p", {
        text: skipped === 1 ? "1 question was not answered and counts as wrong." :
          skipped + " questions were not answered and count as wrong.",
      }));
    }
    if (!saved) lines.push(el("p", { class: "exam-note", text: "This browser did not let the answers be saved." }));

    var wrong = results.filter(function (result) { return !result.correct; }).map(function (result) { return result.question; });
    var newExam = el("button", { type: "button", class: "md-button md-button--primary", text: "New exam" });
    newExam.addEventListener("click", function () {
      exam = null;
      var setupHeading = showSetup();
      say("");
      focusOn(setupHeading);
    });
    var actions = el("p", { class: "exam-actions" }, [newExam]);
    if (wrong.length) {
      var retake = el("button", { type: "button", class: "md-button", text: "Retake the ones I got wrong" });
      retake.addEventListener("click", function () { startExam(shuffle(wrong.slice()), settingsUsed, "A retake of the questions you got wrong. "); });
      actions.appendChild(retake);
    } else {
      lines.push(el("p", { text: "Every answer was right, so there is nothing to retake." }));
    }
    lines.push(actions);

    lines.push(el("h3", { id: "exam-by-area", text: "By area" }));
    var head = el("thead", {}, [el("tr", {}, ["Area", "Questions", "Right", "Share right"].map(function (name) {
      return el("th", { scope: "col", text: name });
    }))]);
    var rows = bank.areas.filter(function (area) { return byArea[area.id]; }).map(function (area) {
      var row = byArea[area.id];
      return el("tr", {}, [
        el("th", { scope: "row", text: area.title }),
        el("td", { text: String(row.questions) }),
        el("td", { text: String(row.correct) }),
        el("td", { text: percent(row.correct, row.questions) }),
      ]);
    });
    lines.push(el("div", { class: "scroll-box" }, [el("table", { class: "exam-table" }, [
      el("caption", { class: "visually-hidden", text: "Right answers per area" }), head, el("tbody", {}, rows),
    ])]));

    lines.push(el("h3", { id: "exam-review", text: "Question by question" }));
    lines.push(el("ol", { class: "exam-review" }, results.map(review)));
    replaceView(lines);
    return heading;
  }

  function review(result, index) {
    var question = result.question;
    var verdict = result.correct ? "right" : result.answered ? "wrong" : "not answered";
    var item = el("li", { class: "exam-review-item exam-review-item--" + (result.correct ? "right" : "wrong"), "data-question-id": question.id }, [
      el("h4", {}, [
        document.createTextNode("Question " + (index + 1) + ": "),
        el("span", { class: "exam-verdict", text: verdict }),
      ]),
      where(question),
    ]);
    var stem = el("div", { class: "exam-stem" });
    stem.appendChild(fragment(question.stem, ""));
    if (question.type === "fill-blank") {
      var inputs = stem.querySelectorAll("input");
      Array.prototype.forEach.call(inputs, function (input, k) {
        input.parentNode.replaceChild(el("span", { class: "exam-blank", text: inputs.length > 1 ? "(blank " + (k + 1) + ")" : "(blank)" }), input);
      });
    }
    item.appendChild(stem);
    if (!result.answered) item.appendChild(el("p", { class: "exam-note", text: "You did not answer this question." }));
    if (question.type === "fill-blank") {
      item.appendChild(el("ul", { class: "exam-answers" }, question.blanks.map(function (answer, k) {
        var given = result.selected[k] || "";
        var ok = normalise(given) === normalise(answer);
        var name = question.blanks.length > 1 ? "Blank " + (k + 1) + ": " : "";
        return el("li", { class: ok ? "exam-answer--right" : "exam-answer--wrong" }, [
          document.createTextNode(name + "your answer "),
          el("strong", { text: given.trim() ? "\u201c" + given.trim() + "\u201d" : "(empty)" }),
          el("span", { class: "exam-badge exam-badge--" + (ok ? "right" : "wrong"), text: ok ? "right" : "wrong" }),
          document.createTextNode(ok ? "" : " \u2014 right answer "),
          ok ? document.createTextNode("") : el("strong", { text: "\u201c" + answer + "\u201d" }),
        ]);
      })));
    } else {
      item.appendChild(el("ul", { class: "exam-answers" }, question.options.map(function (option, k) {
        var chosen = result.selected.indexOf(String(k)) >= 0;
        var badges = [];
        if (chosen) {
          badges.push(el("span", {
            class: "exam-badge exam-badge--" + (option.correct ? "right" : "wrong"),
            text: option.correct ? "your answer, right" : "your answer, wrong",
          }));
        } else if (option.correct) {
          badges.push(el("span", { class: "exam-badge exam-badge--right", text: "right answer" }));
        }
        var text = el("span", { class: "exam-answer-text" });
        text.appendChild(fragment(option.html, ""));
        var state = option.correct ? "exam-answer--right" : chosen ? "exam-answer--wrong" : "";
        return el("li", { class: state }, [text].concat(badges));
      })));
    }
    var explanation = el("div", { class: "exam-explanation" }, [el("p", { class: "exam-explanation-title", text: "Explanation" })]);
    explanation.appendChild(fragment(question.explanation || "", ""));
    item.appendChild(explanation);
    item.appendChild(el("p", { class: "exam-study" }, [
      el("a", { href: window.guidePage.siteUrl(question.url) }, [
        document.createTextNode("Study this on the topic page"),
        el("span", { class: "visually-hidden", text: " (question " + (index + 1) + ")" }),
      ]),
    ]));
    return item;
  }

  /* ---------------------------------------------------------------- helpers */

  function where(question) {
    return el("p", {
      class: "exam-where",
      text: (areaTitles[question.area] || question.area) + ": " + (topicTitles[question.topic] || question.topic) +
        " (" + question.difficulty + ")",
    });
  }

  function group(legend, children, extraClass) {
    return el("fieldset", { class: "exam-group" }, [
      el("legend", { text: legend }),
      el("div", { class: "exam-choices" + (extraClass ? " " + extraClass : "") }, children),
    ]);
  }

  function choice(type, name, value, checked, labelContent) {
    var id = name + "-" + value;
    var input = el("input", { type: type, name: name, id: id, value: value });
    input.checked = checked;
    return el("div", { class: "exam-choice" }, [input, el("label", { for: id }, labelContent)]);
  }

  /* The bank's HTML (the site's own built content) as nodes: links made relative to this page, ids given a prefix. */
  function fragment(html, idPrefix) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var content = template.content;
    Array.prototype.forEach.call(content.querySelectorAll("[href], [src]"), function (node) {
      ["href", "src"].forEach(function (attribute) {
        var value = node.getAttribute(attribute);
        if (value !== null && !/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(value)) node.setAttribute(attribute, window.guidePage.siteUrl(value));
      });
    });
    Array.prototype.forEach.call(content.querySelectorAll("[id]"), function (node) {
      if (idPrefix) node.id = idPrefix + node.id;
      else node.removeAttribute("id");
    });
    Array.prototype.forEach.call(content.querySelectorAll("table"), function (table) {
      var box = el("div", { class: "scroll-box" });
      table.parentNode.insertBefore(box, table);
      box.appendChild(table);
    });
    return content;
  }

  function replaceView(children) {
    view.textContent = "";
    children.forEach(function (child) { view.appendChild(child); });
    window.guidePage.refreshScrollBoxes();
  }

  function focusOn(element) {
    var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    element.scrollIntoView({ block: "start", behavior: reduce ? "auto" : "smooth" });
    element.focus({ preventScroll: true });
  }

  function say(message) {
    status.textContent = message;
  }

  function percent(part, whole) {
    return whole ? Math.round((100 * part) / whole) + "%" : "0%";
  }

  function clockText(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function duration(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    if (!minutes) return rest + " s";
    return minutes + " min" + (rest ? " " + rest + " s" : "");
  }

  function listing(items) {
    if (items.length < 2) return items.join("");
    return items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
  }

  function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
})();
