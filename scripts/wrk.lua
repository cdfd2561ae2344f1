-- wrk: POSTs $BODY as $CONTENT_TYPE (with $COOKIE) when $BODY is set, else GETs; counts 5xx
-- answers apart from wrk's own non-2xx/3xx count.
local body = os.getenv("BODY")
if body and body ~= "" then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE")
  local cookie = os.getenv("COOKIE")
  if cookie and cookie ~= "" then
    wrk.headers["Cookie"] = cookie
  end
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
