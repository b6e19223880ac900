-- wrk script: complete customer responses, each a GET of the survey form
-- then a POST of its answers with a fresh idempotency key, on a random team
-- of 48. Counts the POSTs acknowledged (303 See Other).
-- Environment: MIROIR_FORM (urlencoded answers and csrf field),
-- MIROIR_COOKIE (the matching CSRF cookie), MIROIR_CODE (campaign code).
local form = os.getenv("MIROIR_FORM")
local cookie = os.getenv("MIROIR_COOKIE")
local code = os.getenv("MIROIR_CODE")
local counter = 0
local threads = {}
acknowledged = 0
pages = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("miroir_thread", #threads)
end

function init(args)
  math.randomseed(os.time() + (miroir_thread or 0) * 7919)
end

function request()
  counter = counter + 1
  local team = string.format("T%02d", math.random(0, 47))
  if counter % 2 == 1 then
    return wrk.format("GET", "/s/" .. code .. "/" .. team .. "?ch=web", { ["Cookie"] = cookie })
  end
  local key = string.format("bench-t%d-n%d-r%d", miroir_thread or 0, counter, math.random(1, 1000000000))
  return wrk.format("POST", "/s/" .. code .. "/" .. team, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, form .. "&idempotency_key=" .. key)
end

function response(status, headers, body)
  if status == 303 then
    acknowledged = acknowledged + 1
  elseif status == 200 then
    pages = pages + 1
  end
end

function done(summary, latency, requests)
  local acked, shown = 0, 0
  for _, t in ipairs(threads) do
    acked = acked + t:get("acknowledged")
    shown = shown + t:get("pages")
  end
  io.write(string.format("acknowledged=%d pages=%d errors_status=%d duration_us=%d\n",
    acked, shown, summary.errors.status, summary.duration))
end
