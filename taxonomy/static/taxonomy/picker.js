// The add-skill picker: choosing an ESCO skill fills the hidden field; typing again clears it.
document.addEventListener("click", function (event) {
  var choice = event.target.closest("[data-skill-id]");
  if (!choice) return;
  var form = choice.closest("form");
  form.querySelector("input[name=skill]").value = choice.dataset.skillId;
  var text = form.querySelector("input[name=free_text]");
  text.value = choice.dataset.skillLabel;
  text.dataset.picked = choice.dataset.skillLabel;
  var picked = document.getElementById("picked-skill");
  if (picked) picked.textContent = (picked.dataset.prefix || "") + choice.dataset.skillLabel;
  document.getElementById("skill-picker").innerHTML = "";
  text.focus();
});
document.addEventListener("input", function (event) {
  if (event.target.name !== "free_text") return;
  var form = event.target.closest("form");
  if (event.target.value !== event.target.dataset.picked) {
    form.querySelector("input[name=skill]").value = "";
    var picked = document.getElementById("picked-skill");
    if (picked) picked.textContent = "";
  }
});
