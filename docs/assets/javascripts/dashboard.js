/*
 * The progress dashboard (docs/progress.md): what this browser has saved, set
 * against the list of questions.
 *
 * Reads window.guideQuestionIndex (assets/questions/index.js, written by
 * hooks/question_bank.py: areas, topics and questions without their text) and
 * window.guideProgress (progress.js: the saved answers). Only self-check
 * quizzes count, and an answer only while its key equals the question's
 * current key (an answer to an edited question is ignored).
 *
 * Fills the page's empty containers: #progress-summary, #progress-areas,
 * #progress-weakest, #progress-exams, and #progress-tools (export, import and
 * clear, with a status line that screen readers announce). Everything is drawn
 * again after an import or a reset, and when another tab changes the answers.
 * Checked by tests/test_dashboard.py.
 */
(function () {
  "use strict";

  var MAX_EXAMS = 10;
  var FILE_PREFIX = "ml-interview-guide-progress-";

  var parts = {
    summary: document.getElementById("progress-summary"),
    areas: document.getElementById("progress-areas"),
    weakest: document.getElementById("progress-weakest"),
    exams: document.getElementById("progress-exams"),
    tools: document.getElementById("progress-tools"),
  };
  if (!parts.summary) return;

  var index = window.guideQuestionIndex;
  var progress = window.guideProgress;
  if (!index || !Array.isArray(index.questions) || !progress) {
    parts.summary.textContent =
      "The list of questions or the saved answers could not be loaded, so there is nothing to show. " +
      "Reload the page; if this stays, the copy of the guide is incomplete.";
    return;
  }

  var el = window.guidePage.el;
  var fill = window.guidePage.fill;
  var quizzes = index.questions.filter(function (question) { return question.kind === "quiz"; });
  var status = null; // the aria-live line, made by tools()

  /* ---------------------------------------------------------------- counting */

  /* Counts per topic and area, in syllabus order, from the saved answers. */
  function tally() {
    var answers = progress.load().answers;
    var byTopic = {};
    var areas = index.areas.map(function (area) {
      var topics = area.topics.map(function (topic) {
        var row = { id: topic.id, title: topic.title, url: topic.url, area: area.title, total: 0, answered: 0, right: 0 };
        byTopic[topic.id] = row;
        return row;
      });
      return { id: area.id, title: area.title, url: area.url, topics: topics, total: 0, answered: 0, right: 0 };
    });
    var all = { total: 0, answered: 0, right: 0, ignored: 0 };
    var current = {};
    quizzes.forEach(function (question) {
      current[question.id] = question.key;
      var row = byTopic[question.topic];
      if (!row) return;
      row.total++;
      var answer = answers[question.id];
      if (answer && answer.key === question.key) {
        row.answered++;
        if (answer.correct) row.right++;
      }
    });
    Object.keys(answers).forEach(function (id) {
      if (current[id] !== answers[id].key) all.ignored++;
    });
    areas.forEach(function (area) {
      area.topics.forEach(function (topic) {
        ["total", "answered", "right"].forEach(function (name) { area[name] += topic[name]; });
      });
      ["total", "answered", "right"].forEach(function (name) { all[name] += area[name]; });
    });
    return { all: all, areas: areas };
  }

  /* Topics with an answer: lowest share right first, then more wrong answers, then syllabus order. */
  function weakest(areas) {
    var topics = [];
    areas.forEach(function (area) { topics = topics.concat(area.topics); });
    return topics
      .map(function (topic, order) { return { topic: topic, order: order }; })
      .filter(function (item) { return item.topic.answered > 0; })
      .sort(function (a, b) {
        var share = a.topic.right / a.topic.answered - b.topic.right / b.topic.answered;
        if (share !== 0) return share;
        var wrong = (b.topic.answered - b.topic.right) - (a.topic.answered - a.topic.right);
        return wrong !== 0 ? wrong : a.order - b.order;
      })
      .map(function (item) { return item.topic; });
  }

  /* ---------------------------------------------------------------- drawing */

  function render() {
    var counts = tally();
    fill(parts.summary, summary(counts.all));
    if (parts.areas) fill(parts.areas, areaTable(counts.areas));
    if (parts.weakest) fill(parts.weakest, weakestList(weakest(counts.areas), counts.areas));
    if (parts.exams) fill(parts.exams, examTable(progress.load().exams));
    window.guidePage.refreshScrollBoxes();
  }

  function summary(all) {
    var items = [
      ["Quizzes answered", all.answered + " of " + all.total],
      ["Answered right", String(all.right)],
      ["Share right", percent(all.right, all.answered)],
    ];
    var nodes = [
      el("dl", { class: "progress-stats" }, items.map(function (item) {
        return el("div", {}, [el("dt", { text: item[0] }), el("dd", { text: item[1] })]);
      })),
    ];
    if (all.ignored) {
      nodes.push(el("p", {
        class: "progress-note",
        text: all.ignored + (all.ignored === 1 ? " saved answer is" : " saved answers are") +
          " not counted: the question has been edited or removed since it was answered.",
      }));
    }
    return nodes;
  }

  function areaTable(areas) {
    var head = el("thead", {}, [el("tr", {}, ["Area or topic", "Answered", "Right", "% right"].map(function (name) {
      return el("th", { scope: "col", text: name });
    }))]);
    var bodies = areas.map(function (area) {
      var rows = [countRow(area, "progress-area")];
      area.topics.forEach(function (topic) { rows.push(countRow(topic, "progress-topic")); });
      return el("tbody", {}, rows);
    });
    var caption = el("caption", { class: "visually-hidden", text: "Quizzes answered and answered right, by area and topic" });
    return scrollBox(el("table", { class: "progress-table" }, [caption, head].concat(bodies)));
  }

  function countRow(row, kind) {
    return el("tr", { class: kind }, [
      el("th", { scope: "row" }, [link(row.url, row.title)]),
      el("td", { text: row.answered + " of " + row.total }),
      el("td", { text: String(row.right) }),
      el("td", {}, [percentNode(row.right, row.answered)]),
    ]);
  }

  function weakestList(topics, areas) {
    if (!topics.length) {
      var first = areas.length && areas[0].topics.length ? areas[0].topics[0] : null;
      var text = [document.createTextNode(
        "Nothing has been answered in this browser yet. Answer the self-check quizzes on a topic page " +
        "(the table above links every one)"
      )];
      if (first) {
        text.push(document.createTextNode(", for example "));
        text.push(link(first.url, first.title));
      }
      text.push(document.createTextNode(", and your weakest topics will be listed here."));
      return [el("p", { class: "progress-empty" }, text)];
    }
    return [el("ol", { class: "progress-weakest" }, topics.map(function (topic) {
      return el("li", {}, [
        link(topic.url, topic.title),
        el("span", { class: "progress-area-name", text: " (" + topic.area + ")" }),
        document.createTextNode(": " + topic.right + " of " + topic.answered + " right (" +
          percent(topic.right, topic.answered) + ")"),
      ]);
    }))];
  }

  function examTable(exams) {
    var recent = (exams || []).slice().sort(function (a, b) { return b.at - a.at; }).slice(0, MAX_EXAMS);
    if (!recent.length) {
      return [el("p", { class: "progress-empty", text: "No practice exam has been recorded in this browser yet." })];
    }
    var head = el("thead", {}, [el("tr", {}, ["Taken", "Score", "Questions", "Time"].map(function (name) {
      return el("th", { scope: "col", text: name });
    }))]);
    var body = el("tbody", {}, recent.map(function (exam) {
      var when = new Date(exam.at);
      return el("tr", {}, [
        el("td", {}, [el("time", { datetime: when.toISOString(), text: localDate(when) + " " + localTime(when) })]),
        el("td", { text: exam.correct + " right (" + percent(exam.correct, exam.questions) + ")" }),
        el("td", { text: String(exam.questions) }),
        el("td", { text: duration(exam.seconds) }),
      ]);
    }));
    var caption = el("caption", {
      class: "visually-hidden",
      text: "Your " + recent.length + " most recent practice exams, newest first",
    });
    return scrollBox(el("table", { class: "progress-table" }, [caption, head, body]));
  }

  /* ---------------------------------------------------------------- export, import, clear */

  function tools() {
    var exportButton = el("button", { type: "button", class: "progress-button", text: "Export answers to a file" });
    var importInput = el("input", { type: "file", id: "progress-import-file", accept: ".json,application/json" });
    var resetButton = el("button", {
      type: "button", class: "progress-button", "aria-expanded": "false", "aria-controls": "progress-confirm",
      text: "Clear all answers\u2026",
    });
    var confirmButton = el("button", { type: "button", class: "progress-button progress-button--danger", text: "Yes, clear everything" });
    var cancelButton = el("button", { type: "button", class: "progress-button", text: "Keep my answers" });
    var confirm = el("div", {
      id: "progress-confirm", class: "progress-confirm", role: "group", tabindex: "-1",
      "aria-labelledby": "progress-confirm-question", hidden: "",
    }, [
      el("p", { id: "progress-confirm-question" }, [
        el("strong", { text: "Clear every saved answer and practice exam result in this browser?" }),
        document.createTextNode(" This cannot be undone."),
      ]),
      el("p", { class: "progress-buttons" }, [confirmButton, cancelButton]),
    ]);
    status = el("p", { id: "progress-status", class: "progress-status", role: "status", "aria-live": "polite" });

    exportButton.addEventListener("click", download);
    importInput.addEventListener("change", function () { importFile(importInput); });
    resetButton.addEventListener("click", function () { showConfirm(confirm, resetButton, true); });
    cancelButton.addEventListener("click", function () { showConfirm(confirm, resetButton, false); });
    confirm.addEventListener("keydown", function (event) {
      if (event.key === "Escape") showConfirm(confirm, resetButton, false);
    });
    confirmButton.addEventListener("click", function () {
      progress.reset();
      showConfirm(confirm, resetButton, false);
      render();
      say("All saved answers and practice exam results were cleared from this browser.", false);
    });

    return [
      el("p", { class: "progress-buttons" }, [exportButton]),
      el("p", { class: "progress-import" }, [
        el("label", { for: "progress-import-file", text: "Import answers from a file exported by this page:" }),
        document.createTextNode(" "),
        importInput,
      ]),
      el("p", { class: "progress-buttons" }, [resetButton]),
      confirm,
      status,
    ];
  }

  function showConfirm(panel, resetButton, open) {
    panel.hidden = !open;
    resetButton.setAttribute("aria-expanded", String(open));
    if (open) panel.focus();
    else resetButton.focus();
  }

  function download() {
    var text = progress.exportText();
    var name = FILE_PREFIX + localDate(new Date()) + ".json";
    var url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var anchor = el("a", { href: url, download: name, hidden: "" });
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    var count = Object.keys(progress.load().answers).length;
    say("Downloading " + name + " with " + count + " saved answer" + (count === 1 ? "" : "s") +
      ". Import it on the other copy of the guide.", false);
  }

  function importFile(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var result = progress.importText(String(reader.result));
      say(file.name + ": " + result.message, !result.ok);
      if (result.ok) render();
      input.value = ""; // choosing the same file again is a new import
    };
    reader.onerror = function () {
      say(file.name + ": Nothing was imported: the browser could not read the file.", true);
      input.value = "";
    };
    reader.readAsText(file);
  }

  function say(message, problem) {
    status.classList.toggle("progress-status--problem", problem);
    status.textContent = "";
    // a new text node a moment later, so the same message twice is announced twice
    setTimeout(function () { status.textContent = message; }, 50);
  }

  /* ---------------------------------------------------------------- helpers */

  function link(url, title) {
    return el("a", { href: window.guidePage.siteUrl(url), text: title });
  }

  function percent(part, whole) {
    return whole ? Math.round((100 * part) / whole) + "%" : "\u2013";
  }

  function percentNode(part, whole) {
    if (whole) return document.createTextNode(percent(part, whole));
    return el("span", {}, [
      el("span", { "aria-hidden": "true", text: "\u2013" }),
      el("span", { class: "visually-hidden", text: "none answered" }),
    ]);
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function localDate(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function localTime(date) {
    return pad(date.getHours()) + ":" + pad(date.getMinutes());
  }

  function duration(seconds) {
    if (typeof seconds !== "number" || !isFinite(seconds) || seconds < 0) return "\u2013";
    var minutes = Math.floor(seconds / 60);
    var rest = Math.round(seconds % 60);
    return minutes ? minutes + " min " + pad(rest) + " s" : rest + " s";
  }

  /* Tables scroll sideways on narrow screens (accessibility.js lets the box take focus then). The tables
     have a class, so Material leaves them alone; dashboard.css gives them its look. */
  function scrollBox(table) {
    return [el("div", { class: "scroll-box" }, [table])];
  }

  /* ---------------------------------------------------------------- start */

  if (parts.tools) fill(parts.tools, tools());
  render();
  window.addEventListener("storage", render); // answers given in another tab
})();
