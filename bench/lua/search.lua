-- GET /api/v1/initiatives?q=… with words residents would type: ideas,
-- places, themes (URL-encoded where needed).
local words = {
   "moestuin", "speeltuin", "taalcaf%C3%A9", "koffieochtend", "repair%20caf%C3%A9",
   "jeu%20de%20boules", "zwerfafval", "eenzaamheid", "Damsigt", "Vliet",
   "buurtbarbecue", "energie", "voetbal", "ouderen", "insectenhotel",
   "bloemenweide", "huiswerkklas", "Stompwijk", "muurschildering", "wandelen",
}

function init(args)
   seed()
end

function request()
   return wrk.format("GET", "/api/v1/initiatives?q=" .. words[math.random(#words)])
end
