-- The write mix, as an official with an API token (argument 1): about one
-- in three requests creates an initiative (POST /api/v1/initiatives), the
-- others move one created earlier a step on (POST …/transitions). An
-- initiative is moved again only after the answer to its last move came
-- back, so no two moves on one initiative race.
local token
local ready = {}      -- {id, state} answered and ready for their next step
local next_state = {
   ingediend = "intake", intake = "in_behandeling", in_behandeling = "toegekend",
   toegekend = "in_uitvoering", in_uitvoering = "afgerond", afgerond = "geevalueerd",
}
local areas = { "bovenveen", "het-loo", "damsigt", "essesteijn", "damcentrum", "prinsenhof",
                "sijtwende", "stompwijk-dorp", "wilsveen", "fonteijn" }
local ideas = {
   { "Buurtmoestuin", "Buren maken samen een moestuin met plantenbakken en een kleine kas.", "groen" },
   { "Koffieochtend", "Elke week koffie en een praatje voor iedereen uit de buurt.", "ontmoeting" },
   { "Speeltuin opknappen", "Ouders knappen samen met de kinderen de speeltuin op.", "spelen" },
   { "Taalcafé", "Nieuwe Nederlanders oefenen Nederlands met buren, elke dinsdagavond.", "taal" },
}
local created = 0

function init(args)
   seed()
   token = args[1]
   wrk.headers["Authorization"] = "Bearer " .. token
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   if #ready > 0 and math.random() < 0.67 then
      local i = math.random(#ready)
      local item = ready[i]
      ready[i] = ready[#ready]
      ready[#ready] = nil
      return wrk.format("POST", "/api/v1/initiatives/" .. item[1] .. "/transitions",
                        nil, '{"to":"' .. next_state[item[2]] .. '","note":"Stap gezet tijdens de meting."}')
   end
   created = created + 1
   local idea = ideas[math.random(#ideas)]
   local body = string.format(
      '{"title":"%s in %s (meting %d-%d)","summary":"%s","description":"Gemaakt door de belastingproef.",' ..
      '"area":"%s","themes":["%s"],"sdgs":[11],"help_requests":[{"kind":"vrijwilligers",' ..
      '"description":"Drie buren die willen helpen"}]}',
      idea[1], areas[math.random(#areas)], thread_no or 0, created, idea[2],
      areas[math.random(#areas)], idea[3])
   return wrk.format("POST", "/api/v1/initiatives", nil, body)
end

function response(status, headers, body)
   if status ~= 200 and status ~= 201 then
      return
   end
   local id = body:match('^{"id":(%d+)')
   local state = body:match('"state":"([a-z_]+)"')
   if id and state and next_state[state] then
      ready[#ready + 1] = { id, state }
   end
end
