-- The soak's load: reads and writes mixed as a busy day might have them.
-- Of every 20 requests about 8 read one initiative, 4 the list page, 3
-- search and 5 write (create, or move one created earlier a step on, as
-- writes.lua). Answers of 500 and up are counted (n5xx).
local token, max_id
local ready = {}
local next_state = {
   ingediend = "intake", intake = "in_behandeling", in_behandeling = "toegekend",
   toegekend = "in_uitvoering", in_uitvoering = "afgerond", afgerond = "geevalueerd",
}
local words = { "moestuin", "speeltuin", "koffieochtend", "Vliet", "buurt", "eenzaamheid", "voetbal" }
local pages = { "/initiatieven", "/initiatieven?page=2", "/initiatieven?state=intake",
                "/initiatieven?area=voorburg-noord", "/initiatieven?theme=groen" }
local areas = { "bovenveen", "het-loo", "damsigt", "essesteijn", "damcentrum", "prinsenhof",
                "sijtwende", "stompwijk-dorp", "wilsveen", "fonteijn", "voorburg-noord", "leidsenhage" }
local created = 0
n5xx = 0

function init(args)
   seed()
   token = args[1]
   max_id = tonumber(args[2]) or 1000
end

local function write()
   local auth = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
   if #ready > 0 and math.random() < 0.6 then
      local i = math.random(#ready)
      local item = ready[i]
      ready[i] = ready[#ready]
      ready[#ready] = nil
      return wrk.format("POST", "/api/v1/initiatives/" .. item[1] .. "/transitions", auth,
                        '{"to":"' .. next_state[item[2]] .. '","note":"Belastingproef."}')
   end
   created = created + 1
   return wrk.format("POST", "/api/v1/initiatives", auth, string.format(
      '{"title":"Belastingproef %d-%d","summary":"Een initiatief van de belastingproef, om te zien of alles blijft werken.",' ..
      '"area":"%s","themes":["ontmoeting"],"help_requests":[{"kind":"netwerk","description":"Contact met de buren"}]}',
      thread_no or 0, created, areas[math.random(#areas)]))
end

function request()
   local r = math.random(20)
   if r <= 8 then
      return wrk.format("GET", "/api/v1/initiatives/" .. math.random(1, max_id))
   elseif r <= 12 then
      return wrk.format("GET", pages[math.random(#pages)])
   elseif r <= 15 then
      return wrk.format("GET", "/api/v1/initiatives?q=" .. words[math.random(#words)])
   end
   return write()
end

function response(status, headers, body)
   if status >= 500 then
      n5xx = n5xx + 1
   end
   if status == 200 or status == 201 then
      local id = body:match('^{"id":(%d+)')
      local state = body:match('"state":"([a-z_]+)"')
      if id and state and next_state[state] then
         ready[#ready + 1] = { id, state }
      end
   end
end
