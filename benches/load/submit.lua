-- wrk script: posts the customer survey form with a fresh idempotency key
-- on every request, so each request is a new respondent.
-- Environment: MIROIR_FORM (urlencoded answers and csrf field),
-- MIROIR_COOKIE (the matching CSRF cookie), MIROIR_PATH (/s/<code>/<team>).
local form = os.getenv("MIROIR_FORM")
local cookie = os.getenv("MIROIR_COOKIE")
local path = os.getenv("MIROIR_PATH")
local counter = 0
local threads = 0

-- Runs in the main state: give each thread its own number (a global of the
-- thread's state, so no local may shadow it there).
function setup(thread)
  threads = threads + 1
  thread:set("miroir_thread", threads)
end

function init(args)
  math.randomseed(os.time() + (miroir_thread or 0) * 7919)
end

function request()
  counter = counter + 1
  local key = string.format("bench-t%d-n%d-r%d", miroir_thread or 0, counter, math.random(1, 1000000000))
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, form .. "&idempotency_key=" .. key)
end

function done(summary, latency, requests)
  io.write(string.format("requests=%d errors_status=%d\n", summary.requests, summary.errors.status))
end
