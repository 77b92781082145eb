// A live count of the time left on an attempt. The server's deadline is the truth:
// the page says "Submit by" without this script, the count starts from the seconds
// the server said were left (not the device's clock), and answers are judged on
// arrival. Screen readers hear it only at 5 minutes, 1 minute and the end.
const countdown = document.querySelector("[data-countdown]");
if (countdown) {
  const clock = countdown.querySelector("[data-countdown-clock]");
  const announcer = document.querySelector("[data-countdown-announce]");
  const endsAt = performance.now() + Number(countdown.dataset.secondsLeft) * 1000;
  const secondsLeft = () =>
    Math.max(0, Math.ceil((endsAt - performance.now()) / 1000));
  const startedWith = secondsLeft();
  // Each announcement once, and only for a moment still ahead when the page opened.
  const announcements = [
    [300, "5 minutes left to submit your answers."],
    [60, "1 minute left to submit your answers."],
    [0, "The time limit has passed. Answers saved before it will be marked."],
  ].filter(([at]) => startedWith > at);

  const show = (seconds) => {
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const rest = String(seconds % 60).padStart(2, "0");
    clock.textContent = hours
      ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}`
      : `${minutes}:${rest}`;
  };
  let timer = null;
  const tick = () => {
    const seconds = secondsLeft();
    show(seconds);
    while (announcements.length && seconds <= announcements[0][0]) {
      announcer.textContent = announcements.shift()[1];
    }
    if (seconds === 0) {
      countdown.querySelector("[data-countdown-label]").textContent =
        "Time is up: ";
      clearInterval(timer);
    }
  };
  countdown.hidden = false;
  tick();
  timer = setInterval(tick, 1000);
}
