/*
 * Saved answers, keyed by question id: the one store behind the quizzes, the
 * progress dashboard and the practice exam.
 *
 * The store lives in localStorage under STORE_KEY:
 *   {format, version, answers: {<question id>: {key, correct, selected, at, via}}, exams: [...]}
 * `key` is the question's answer key (data-answer-key, written by
 * hooks/question_bank.py): a fingerprint of its options and which are correct.
 * An answer is shown again only while the key is unchanged, so an edited
 * question's old answer is dropped, never shown on a different answer set.
 *
 * On a page with quizzes, this script runs before mkdocs-quiz restores saved
 * answers (mkdocs-quiz waits for DOMContentLoaded; this script is at the end
 * of the page). It writes mkdocs-quiz's own record for the page from the
 * store, by question id, and copies mkdocs-quiz's record back into the store
 * after every answer or reset. mkdocs-quiz itself keys answers by the quiz's
 * element id, which the build sets to the question id.
 *
 * window.guideProgress is the API the dashboard and the exam use.
 */
(function () {
  "use strict";

  var STORE_KEY = "ml-interview-guide:progress";
  var FORMAT = "ml-interview-guide-progress";
  var VERSION = 1;
  var QUIZ_PAGE_PREFIX = "quiz_progress_"; // mkdocs-quiz: one record per page, keyed by path
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var KEY = /^[0-9a-f]{12}$/;
  var MAX_EXAMS = 50;

  function empty() {
    return { format: FORMAT, version: VERSION, answers: {}, exams: [] };
  }

  /* Check data that claims to be progress; returns a reason it is not, or "" if it is. */
  function problemWith(data) {
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      return "it does not contain a JSON object";
    }
    if (data.format !== FORMAT) {
      return "it is not a progress file of this guide (its \"format\" is not \"" + FORMAT + "\")";
    }
    if (data.version !== VERSION) {
      return "it has version " + JSON.stringify(data.version) + "; this guide reads version " + VERSION;
    }
    if (typeof data.answers !== "object" || data.answers === null || Array.isArray(data.answers)) {
      return "its \"answers\" is not an object of answers by question id";
    }
    var ids = Object.keys(data.answers);
    for (var i = 0; i < ids.length; i++) {
      var id = ids[i];
      var answer = data.answers[id];
      var where = "the answer to \"" + id + "\"";
      if (!ID.test(id)) return "\"" + id + "\" is not a question id";
      if (typeof answer !== "object" || answer === null) return where + " is not an object";
      if (typeof answer.key !== "string" || !KEY.test(answer.key)) return where + " has no valid \"key\"";
      if (typeof answer.correct !== "boolean") return where + " has no true/false \"correct\"";
      if (!Array.isArray(answer.selected) || !answer.selected.every(function (v) { return typeof v === "string"; })) {
        return where + " has no list of \"selected\" values";
      }
      if (typeof answer.at !== "number" || !isFinite(answer.at)) return where + " has no time \"at\"";
    }
    if (data.exams !== undefined) {
      if (!Array.isArray(data.exams)) return "its \"exams\" is not a list";
      for (var j = 0; j < data.exams.length; j++) {
        var exam = data.exams[j];
        if (typeof exam !== "object" || exam === null || !["at", "questions", "correct"].every(function (k) {
          return typeof exam[k] === "number" && isFinite(exam[k]);
        })) {
          return "exam " + (j + 1) + " in \"exams\" lacks its time, question count or score";
        }
      }
    }
    return "";
  }

  function load() {
    try {
      var data = JSON.parse(localStorage.getItem(STORE_KEY) || "null");
      if (data && !problemWith(data)) {
        data.exams = data.exams || [];
        return data;
      }
    } catch (error) {
      /* unreadable: start again */
    }
    return empty();
  }

  function save(data) {
    data.exams = (data.exams || []).slice(-MAX_EXAMS);
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(data));
      return true;
    } catch (error) {
      return false;
    }
  }

  function sameAnswer(a, b) {
    return a.key === b.key && a.correct === b.correct && JSON.stringify(a.selected) === JSON.stringify(b.selected);
  }

  /* Put one answer ({key, correct, selected}) into data, stamped now, unless the same answer is already there. */
  function put(data, id, entry, via) {
    var answer = { key: entry.key, correct: !!entry.correct, selected: entry.selected.map(String), at: Date.now(), via: via };
    if (!data.answers[id] || !sameAnswer(data.answers[id], answer)) data.answers[id] = answer;
  }

  /* Record answers: entries is {id: {key, correct, selected}}; via says where they were given. */
  function record(entries, via) {
    var data = load();
    Object.keys(entries).forEach(function (id) { put(data, id, entries[id], via); });
    return save(data);
  }

  function addExam(summary) {
    var data = load();
    data.exams.push(summary);
    return save(data);
  }

  function reset() {
    try {
      localStorage.removeItem(STORE_KEY);
      Object.keys(localStorage).forEach(function (name) {
        if (name.indexOf(QUIZ_PAGE_PREFIX) === 0) localStorage.removeItem(name);
      });
    } catch (error) {
      /* storage unavailable: nothing saved either */
    }
  }

  function exportText() {
    var data = load();
    data.exported = new Date().toISOString();
    return JSON.stringify(data, null, 2) + "\n";
  }

  /*
   * Merge an exported file into the store. Returns {ok, message, added, updated}.
   * A file that is not valid changes nothing. For a question answered in both,
   * the more recent answer wins; exams are added unless already present.
   */
  function importText(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { ok: false, message: "Nothing was imported: the file is not valid JSON (" + error.message + ")." };
    }
    var problem = problemWith(data);
    if (problem) return { ok: false, message: "Nothing was imported: " + problem + "." };
    var current = load();
    var added = 0;
    var updated = 0;
    Object.keys(data.answers).forEach(function (id) {
      var incoming = data.answers[id];
      var mine = current.answers[id];
      if (!mine) added++;
      else if (incoming.at > mine.at && !sameAnswer(incoming, mine)) updated++;
      else return;
      current.answers[id] = {
        key: incoming.key, correct: incoming.correct, selected: incoming.selected.slice(), at: incoming.at,
        via: typeof incoming.via === "string" ? incoming.via : "import",
      };
    });
    var seen = {};
    current.exams.forEach(function (exam) { seen[exam.at] = true; });
    (data.exams || []).forEach(function (exam) {
      if (!seen[exam.at]) current.exams.push(exam);
    });
    current.exams.sort(function (a, b) { return a.at - b.at; });
    if (!save(current)) return { ok: false, message: "Nothing was imported: this browser does not allow saving." };
    var message = "Imported " + added + " new answer" + (added === 1 ? "" : "s") + " and " + updated +
      " more recent one" + (updated === 1 ? "" : "s") + "; answers you gave later were kept.";
    return { ok: true, message: message, added: added, updated: updated };
  }

  window.guideProgress = {
    load: load, record: record, addExam: addExam, reset: reset,
    exportText: exportText, importText: importText, problemWith: problemWith,
  };

  /* ---------------------------------------------------------------- quiz pages */

  var quizzes = Array.prototype.slice.call(document.querySelectorAll(".quiz[data-answer-key]"));
  if (!quizzes.length) return;
  var pageKey = QUIZ_PAGE_PREFIX + window.location.pathname;

  function restore() {
    var answers = load().answers;
    var onPage = {};
    quizzes.forEach(function (quiz) {
      var answer = answers[quiz.id];
      if (answer && answer.key === quiz.dataset.answerKey) {
        onPage[quiz.id] = { answered: true, correct: answer.correct, selectedValues: answer.selected };
      }
    });
    try {
      localStorage.setItem(pageKey, JSON.stringify(onPage));
    } catch (error) {
      /* storage unavailable: mkdocs-quiz warns the reader itself */
    }
  }

  function copyBack() {
    var onPage;
    try {
      onPage = JSON.parse(localStorage.getItem(pageKey) || "{}") || {};
    } catch (error) {
      return;
    }
    var data = load();
    quizzes.forEach(function (quiz) {
      var state = onPage[quiz.id];
      if (state && state.answered) {
        put(data, quiz.id, { key: quiz.dataset.answerKey, correct: state.correct, selected: state.selectedValues || [] }, "page");
      } else {
        delete data.answers[quiz.id];
      }
    });
    save(data);
  }

  restore();
  document.addEventListener("submit", function () { setTimeout(copyBack, 0); });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("button")) setTimeout(copyBack, 0);
  });
})();
