// Shows the time elapsed since an attempt started; the server keeps the real start and stop.
document.addEventListener("DOMContentLoaded", () => {
  for (const el of document.querySelectorAll(".stopwatch[data-started]")) {
    const started = Date.parse(el.dataset.started);
    const tick = () => {
      const seconds = Math.max(0, Math.round((Date.now() - started) / 1000));
      el.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
    };
    tick();
    setInterval(tick, 1000);
  }
});
