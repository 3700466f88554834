-- GET /initiatieven?page=N for random pages 1..N (argument 1): people
-- leafing through the list; most pages are asked for once, so this is
-- the list page as it is made, not as the cache keeps it. run.sh passes
-- at most the last page the list shows (LIST_OFFSET_MAX items: page 500);
-- later pages are refused with a short message, which would measure
-- nothing.
local pages

function init(args)
   seed()
   pages = tonumber(args[1]) or 100
end

function request()
   return wrk.format("GET", "/initiatieven?page=" .. math.random(1, pages))
end
