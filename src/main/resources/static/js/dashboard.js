// Bulk replay progress: the job page names its progress URL; poll it until the job has finished.
(function () {
  "use strict";
  function watchReplayJob(section) {
    var url = section.getAttribute("data-progress");
    function show(job) {
      // The page carries the status names in its language (data-running, data-finished).
      var status = document.getElementById("job-status");
      status.textContent = status.getAttribute("data-" + job.status.toLowerCase()) || job.status;
      document.getElementById("job-total").textContent = job.total;
      document.getElementById("job-done").textContent = job.done;
      document.getElementById("job-failed").textContent = job.failed;
      var bar = document.getElementById("replay-progress");
      bar.max = Math.max(job.total, 1);
      bar.value = job.done + job.failed;
      if (job.status === "RUNNING") {
        setTimeout(poll, 1000);
      }
    }
    function poll() {
      fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(show)
        .catch(function () { setTimeout(poll, 5000); });
    }
    poll();
  }
  document.addEventListener("DOMContentLoaded", function () {
    var section = document.getElementById("replay-job");
    if (section) {
      watchReplayJob(section);
    }
  });
})();
