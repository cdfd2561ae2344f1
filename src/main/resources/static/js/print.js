// Shows the print button only where it can work; without JavaScript the browser's own
// print command prints the same page.
document.querySelectorAll('[data-print]').forEach((button) => {
	button.hidden = false;
	button.addEventListener('click', () => window.print());
});
