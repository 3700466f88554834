-- GET /api/v1/initiatives/{id} for random ids in 1..N (argument 1).
local max_id
function init(args)
   seed()
   max_id = tonumber(args[1]) or 1000
end

function request()
   return wrk.format("GET", "/api/v1/initiatives/" .. math.random(1, max_id))
end
