-- GET /api/v1/initiatives?q=… with words residents would type: ideas,
-- places, themes (URL-encoded where needed). With the argument "new",
-- every request also carries a number of its own, so no two are the same
-- address and none is answered from the cache (http/cache.h): the time
-- the search itself takes.
local words = {
   "moestuin", "speeltuin", "taalcaf%C3%A9", "koffieochtend", "repair%20caf%C3%A9",
   "jeu%20de%20boules", "zwerfafval", "eenzaamheid", "Damsigt", "Vliet",
   "buurtbarbecue", "energie", "voetbal", "ouderen", "insectenhotel",
   "bloemenweide", "huiswerkklas", "Stompwijk", "muurschildering", "wandelen",
}
local fresh, n = false, 0

function init(args)
   seed()
   fresh = args[1] == "new"
end

function request()
   local path = "/api/v1/initiatives?q=" .. words[math.random(#words)]
   if fresh then
      n = n + 1
      path = path .. "&n=" .. (thread_no or 0) .. "-" .. n
   end
   return wrk.format("GET", path)
end
