// Saves the answers as the trainee goes; the form works the same without it.
const form = document.querySelector("form[data-autosave-url]");
if (form) {
  const status = form.querySelector("[data-autosave-status]");
  let timer = null;
  const save = async () => {
    const body = new FormData(form);
    body.delete("action");
    try {
      const response = await fetch(form.dataset.autosaveUrl, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      });
      const result = await response.json();
      if (result.saved) {
        status.textContent = result.errors.length
          ? `Saved at ${result.saved_at}, except: ${result.errors.join(" ")}`
          : `Saved at ${result.saved_at}.`;
      } else {
        status.textContent = "The time limit has passed: answers are no longer saved.";
      }
    } catch {
      status.textContent = "Not saved: check your connection. Use the Save button.";
    }
  };
  form.addEventListener("change", () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  });
}
