// "Copy" buttons: copy the text of the input named by data-copy, and say so to screen readers.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const input = document.getElementById(button.dataset.copy);
    const status = document.getElementById("copy-status");
    if (!input || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(input.value);
        if (status) status.textContent = button.dataset.copied;
        button.textContent = button.dataset.copied;
      } catch {
        input.select();
      }
    });
  }
});
