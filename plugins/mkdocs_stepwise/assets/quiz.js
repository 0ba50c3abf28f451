/* Katacoda quizzes (katacoda.py renders them as form.stepwise-quiz), checked in the browser.

   data-stepwise-quiz: "exact" (answer equals one of data-stepwise-answers, a JSON list),
   "contains" (answer contains one of them), "multiple" (exactly the boxes marked
   data-stepwise-correct are ticked) or "single" (the chosen radio is marked correct).
   Listeners are delegated to the document, so they work on pages Material's instant
   navigation brings in without running this file again. */
(function () {
  "use strict";

  var MESSAGES = {
    right: "Correct!",
    wrong: "Not quite. Check your answer and try again.",
    empty: "Answer the question first."
  };

  function checkText(form, kind) {
    var input = form.querySelector(".stepwise-quiz__answer");
    var given = input.value.trim();
    if (!given) {
      return null;
    }
    var answers = JSON.parse(input.getAttribute("data-stepwise-answers") || "[]");
    return answers.some(function (answer) {
      answer = answer.trim();
      return kind === "exact" ? given === answer : given.indexOf(answer) !== -1;
    });
  }

  function checkChoices(form, kind) {
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
    var chosen = inputs.filter(function (input) { return input.checked; });
    if (chosen.length === 0) {
      return null;
    }
    if (kind === "single") {
      return chosen[0].hasAttribute("data-stepwise-correct");
    }
    return inputs.every(function (input) {
      return input.checked === input.hasAttribute("data-stepwise-correct");
    });
  }

  function check(form) {
    var kind = form.getAttribute("data-stepwise-quiz");
    return kind === "exact" || kind === "contains" ? checkText(form, kind) : checkChoices(form, kind);
  }

  function show(form, result) {
    form.classList.toggle("stepwise-quiz--right", result === true);
    form.classList.toggle("stepwise-quiz--wrong", result === false);
    var feedback = form.querySelector(".stepwise-quiz__feedback");
    if (feedback) {
      feedback.textContent =
        result === null ? MESSAGES.empty : result ? MESSAGES.right : MESSAGES.wrong;
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("stepwise-quiz")) {
      return;
    }
    event.preventDefault();
    show(form, check(form));
  });

  /* A changed answer has not been checked yet. */
  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest("form.stepwise-quiz");
    if (form) {
      form.classList.remove("stepwise-quiz--right", "stepwise-quiz--wrong");
      var feedback = form.querySelector(".stepwise-quiz__feedback");
      if (feedback) {
        feedback.textContent = "";
      }
    }
  });
})();
