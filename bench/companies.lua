-- wrk script: GET /api/v1/companies/{id} with a bearer token, cycling through every imported id
-- (BENCH_IDS_FILE, one per line), so the benchmark reads the whole table rather than one hot row.
-- The requests are formatted once per thread in init(): per request wrk only hands back a string,
-- which keeps wrk's own CPU use (it shares the 2 cores with Tower and PostgreSQL) low.

local token = os.getenv("TOWER_TOKEN") or error("TOWER_TOKEN is not set")
local ids_file = os.getenv("BENCH_IDS_FILE") or error("BENCH_IDS_FILE is not set")

local thread_count = 0
function setup(thread)
   thread:set("thread_index", thread_count)
   thread_count = thread_count + 1
end

local requests, n, next_index = {}, 0, 0

function init(args)
   local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
   for id in io.lines(ids_file) do
      n = n + 1
      requests[n] = wrk.format("GET", "/api/v1/companies/" .. id, headers)
   end
   assert(n > 0, "no ids in " .. ids_file)
   -- Threads start at different points of the cycle so they do not fetch the same row in lockstep.
   next_index = math.floor((thread_index or 0) * n / 2)
end

function request()
   next_index = next_index % n + 1
   return requests[next_index]
end
