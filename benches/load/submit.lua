-- wrk script: posts the customer survey form with a fresh idempotency key
-- on every request, so each request is a new respondent.
-- Environment: MIROIR_FORM (urlencoded answers and csrf field),
-- MIROIR_COOKIE (the matching CSRF cookie), MIROIR_PATH (/s/<code>/<team>).
local form = os.getenv("MIROIR_FORM")
local cookie = os.getenv("MIROIR_COOKIE")
local path = os.getenv("MIROIR_PATH")
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

function request()
  counter = counter + 1
  local key = string.format("bench-%d-%d-%d", thread_id, counter, math.random(1, 1000000000))
  local body = form .. "&idempotency_key=" .. key
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, body)
end

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("requests=%d errors_status=%d\n", summary.requests, summary.errors.status))
end
