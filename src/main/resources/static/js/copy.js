// Shows copy buttons only where copying can work; without JavaScript the link can still be
// selected and copied by hand from its field.
document.querySelectorAll('[data-copy]').forEach((button) => {
	const field = document.getElementById(button.dataset.copy);
	if (!field || !navigator.clipboard) {
		return;
	}
	button.hidden = false;
	const label = button.textContent;
	button.addEventListener('click', () => {
		navigator.clipboard.writeText(field.value).then(() => {
			button.textContent = button.dataset.copied;
			setTimeout(() => { button.textContent = label; }, 2000);
		});
	});
});
