// Moves focus to the error summary when a form comes back with errors, so keyboard and
// screen reader users start from the list of problems (it is also announced as an alert).
const summary = document.querySelector('.error-summary');
if (summary) {
	summary.focus();
}
