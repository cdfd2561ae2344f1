-- wrk: POST the body in $BODY with $CONTENT_TYPE (and $COOKIE, when set); counts 5xx answers.
wrk.method = "POST"
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE")
local cookie = os.getenv("COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

local server_errors = 0
function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("server_errors %d\n", server_errors))
end
