-- wrk: GET, counting 5xx answers.
local server_errors = 0
function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("server_errors %d\n", server_errors))
end
