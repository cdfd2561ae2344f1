// The training-file import on the questionnaire (the page works without this script).
// It tells the server the runner's time zone, so a run near midnight counts on the day it
// was where they are; and it checks the chosen files before they are sent, so a choice over
// the limits is named next to the field at once, with every answer still in the form.
const MAX_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 1000;

const zone = document.querySelector('input[data-time-zone]');
if (zone) {
	try {
		zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
	}
	catch (e) {
		zone.value = '';
	}
}

const button = document.querySelector('button[data-import]');
const input = document.getElementById('files');
if (button && input) {
	button.addEventListener('click', (event) => {
		let total = 0;
		for (const file of input.files) {
			total += file.size;
		}
		const problem = input.files.length === 0 ? button.dataset.none
			: input.files.length > MAX_FILES ? button.dataset.many
				: total > MAX_BYTES ? button.dataset.large : null;
		let shown = document.getElementById('files-check');
		if (!problem) {
			if (shown) {
				shown.remove();
			}
			return;
		}
		event.preventDefault();
		if (!shown) {
			shown = document.createElement('p');
			shown.id = 'files-check';
			shown.className = 'error-message';
			shown.setAttribute('role', 'alert');
			input.before(shown);
			input.setAttribute('aria-describedby', input.getAttribute('aria-describedby') + ' files-check');
		}
		shown.textContent = problem;
		input.focus();
	});
}
