-- wrk script: one respondent after another on each connection: GET the
-- survey form, then POST its answers with a fresh idempotency key.
-- Environment: MIROIR_GET (the form's path), MIROIR_PATH (where it posts),
-- MIROIR_FORM (urlencoded answers and csrf field), MIROIR_COOKIE (the
-- matching CSRF cookie).
local get_path = os.getenv("MIROIR_GET")
local post_path = os.getenv("MIROIR_PATH")
local form = os.getenv("MIROIR_FORM")
local cookie = os.getenv("MIROIR_COOKIE")
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("miroir_thread", threads)
end

function init(args)
  math.randomseed(os.time() + (miroir_thread or 0) * 7919)
end

function request()
  counter = counter + 1
  if counter % 2 == 1 then
    return wrk.format("GET", get_path, { ["Cookie"] = cookie })
  end
  local key = string.format("respond-t%d-n%d-r%d", miroir_thread or 0, counter, math.random(1, 1000000000))
  return wrk.format("POST", post_path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, form .. "&idempotency_key=" .. key)
end

function done(summary, latency, requests)
  io.write(string.format("pairs=%d errors_status=%d\n", math.floor(summary.requests / 2), summary.errors.status))
end
