#!/usr/bin/env bash
# Rebuilds the fixture transcripts in this folder (play/ and drill/) from scripted sessions.
#
#   Tests/Fixtures/transcripts/make-fixtures.sh [path/to/coachdrill]
#
# Play transcripts are recorded by `coachdrill play` on Tests/Fixtures/play/closing-practice.yaml; drill
# transcripts are assembled here from `coachdrill classify --format jsonl` verdicts (and one recorded play
# for the scenario item), following docs/transcript.md. Wall-clock values (start and end times, response
# and item times) are then replaced with fixed ones, so the files, and the reports compared against
# Tests/Fixtures/golden/report-*, never change unless this script is run again. The files are inputs: they
# keep the verdicts they were recorded with even when the assessor later changes.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
bin="${1:-$root/.build/debug/coachdrill}"
scenario="$root/Tests/Fixtures/play/closing-practice.yaml"
export NO_COLOR=1

rm -rf "$here/play" "$here/drill"
mkdir -p "$here/play" "$here/drill/room-a" "$here/drill/room-b"

# fix FILE STARTED ENDED: fixed times; response_seconds 3.5, 7.25, 12.0, ... by turn.
fix() {
  local file="$1" started="$2" ended="$3"
  sed -i -E \
    -e "s/\"started\":\"[^\"]*\"/\"started\":\"$started\"/" \
    -e "s/\"ended\":\"[^\"]*\"/\"ended\":\"$ended\"/" \
    "$file"
  awk '{
    if (match($0, /"turn":[0-9]+/)) {
      turn = substr($0, RSTART + 7, RLENGTH - 7) + 0
      gsub(/"response_seconds":[0-9.]+/, "\"response_seconds\":" sprintf("%.2f", 2.5 + turn * 3.25))
    }
    print
  }' "$file" > "$file.tmp" && mv "$file.tmp" "$file"
}

# play NAME FILE SEED STARTED ENDED LINES...
play() {
  local name="$1" file="$here/play/$2" seed="$3" started="$4" ended="$5"
  shift 5
  printf '%s\n' "$@" | "$bin" play "$scenario" --seed "$seed" --as "$name" --transcript "$file" > /dev/null
  fix "$file" "$started" "$ended"
}

play "Robin" robin-2026-03-02.jsonl 1 2026-03-02T09:00:00Z 2026-03-02T09:04:10Z \
  "Where are you now with what you wanted from today?" \
  "What would you like to do before we next meet?"
play "Robin" robin-2026-03-09.jsonl 2 2026-03-09T09:00:00Z 2026-03-09T09:06:40Z \
  "You should just hand it all to Priya." \
  "What would you like to do before we next meet?" \
  "Don't you think you should write the list tonight?"
play "Robin" robin-2026-03-16.jsonl 3 2026-03-16T09:00:00Z 2026-03-16T09:05:00Z \
  "You should just hand it all to Priya." \
  ":undo" \
  "Where are you now with what you wanted from today?" \
  "What would you like to do before we next meet?"
play "Alex Kim" alex-kim-2026-03-03.jsonl 1 2026-03-03T14:30:00Z 2026-03-03T14:33:20Z \
  "You should just hand it all to Priya." \
  "You need to write the list tonight."
play "Jordan Lee" jordan-lee-2026-03-04.jsonl 1 2026-03-04T11:00:00Z 2026-03-04T11:08:00Z \
  "Good job! Where are you now with what you wanted?" \
  "Email me on Friday with the list, and what will you do first and who will help?" \
  "What would you like to do before we next meet?"

# A killed session: no end event, and the last line cut off mid-write.
play "Alex Kim" alex-kim-2026-03-10.jsonl 4 2026-03-10T14:30:00Z 2026-03-10T14:31:00Z \
  "Where are you now with what you came here for?" \
  "Have you considered writing the handover list tonight?"
killed="$here/play/alex-kim-2026-03-10.jsonl"
grep -v '"event":"end"' "$killed" > "$killed.tmp"
last="$(tail -n 1 "$killed.tmp")"
head -n -1 "$killed.tmp" > "$killed"
printf '%s' "${last:0:37}" >> "$killed"
rm "$killed.tmp"

# --- drills -----------------------------------------------------------------------------------------
# Pack "fixture-drill": item 0 quick-fire (target 8.7), item 1 rewrite (target 8.1), item 2 the
# closing-practice scenario. An answer passes a quick-fire or rewrite item when it partners on the target;
# the pack passes with 2 of 3 items.
pack_hash="fnv1a64:00000000d1e11a11"

# The end event's scorecard, counted from the coach events read on standard input.
scorecard() {
  jq -cs '[.[] | select(.event == "coach") | .assessment] as $a
    | {turns: ($a | length),
       partnered: ([$a[] | select(.stance == "partner")] | length),
       advised: ([$a[] | select(.stance == "advise")] | length),
       markers: [range(1; 10) | "8.\(.)" as $m
         | {marker: $m,
            partnered: ([$a[] | select(.marker == $m and .stance == "partner")] | length),
            advised: ([$a[] | select(.marker == $m and .stance == "advise")] | length),
            neutral: ([$a[] | select(.marker == $m and .stance == "neutral")] | length)}],
       traps: ([$a[] | .traps[]] | group_by(.) | map({trap: .[0], count: length}))}'
}

assess() { printf '%s\n' "$1" | "$bin" classify --format jsonl; }

# drill FILE NAME RUN STARTED ENDED QUICK_FIRE_ANSWER REWRITE_ANSWER [SCENARIO LINES...]
# With no scenario lines the run was killed during item 2: no item-2 events, no end event.
drill() {
  local file="$here/drill/$1" name="$2" run="$3" started="$4" ended="$5" quick="$6" rewrite="$7"
  shift 7
  local turn=0 passed_items=0 out=""
  out+="$(jq -cn --arg name "$name" --arg run "$run" --arg started "$started" --arg hash "$pack_hash" \
    '{event:"session",version:1,scenario:"fixture-drill",scenario_hash:$hash,seed:1,mode:"drill",trainee:$name,
      started:$started,pack:"fixture-drill",pack_hash:$hash,run:$run}')"$'\n'
  local index=0 kind id target answer
  for spec in "quick-fire|qf-accountability|8.7|$quick" "rewrite|rw-progress|8.1|$rewrite"; do
    IFS='|' read -r kind id target answer <<< "$spec"
    turn=$((turn + 1))
    local verdict passed
    verdict="$(assess "$answer")"
    passed="$(jq -r --arg t "$target" '(.marker == $t and .stance == "partner")' <<< "$verdict")"
    [ "$passed" = true ] && passed_items=$((passed_items + 1))
    out+="$(jq -cn --arg id "$id" --argjson item $index \
      '{event:"client",beat:$id,text:(if $item == 0 then "I will send the report by Friday." else "Rewrite: \"So you got what you needed today, right?\"" end),item:$item}')"$'\n'
    out+="$(jq -cn --argjson turn $turn --arg id "$id" --argjson a "$verdict" --argjson item $index --arg t "$target" \
      --argjson passed "$passed" \
      '{event:"coach",turn:$turn,beat:$id,branch:null,response_seconds:(4 + $turn * 2),assessment:$a,item:$item,target:$t,passed:$passed}')"$'\n'
    out+="$(jq -cn --argjson item $index --arg kind "$kind" --arg id "$id" --argjson passed "$passed" \
      '{event:"item",item:$item,kind:$kind,id:$id,time_limit_seconds:60,elapsed_seconds:(20 + $item * 50),overtime:($item == 1),passed:$passed}')"$'\n'
    index=$((index + 1))
  done
  if [ $# -gt 0 ]; then
    # The scenario item: a recorded play, its events tagged with the item and renumbered after the others.
    local recording
    recording="$(mktemp)"
    rm -f "$recording"
    printf '%s\n' "$@" | "$bin" play "$scenario" --as "$name" --transcript "$recording" > /dev/null
    out+="$(jq -c --argjson offset $turn 'select(.event == "client" or .event == "coach")
      | .item = 2 | if .event == "coach" then .turn += $offset | .response_seconds = 9.5 else . end' "$recording")"$'\n'
    local scenario_passed
    scenario_passed="$(jq -s '[.[] | select(.event == "end")][0].reason == "completed"
      and ([.[] | select(.event == "client")][-1].text | test("good place"))' "$recording")"
    [ "$scenario_passed" = true ] && passed_items=$((passed_items + 1))
    turn=$((turn + $(jq -s '[.[] | select(.event == "coach")] | length' "$recording")))
    out+="$(jq -cn --argjson passed "$scenario_passed" \
      '{event:"item",item:2,kind:"scenario",id:"closing-practice",time_limit_seconds:300,elapsed_seconds:185.5,overtime:false,passed:$passed}')"$'\n'
    out+="$(jq -cn --arg ended "$ended" --argjson passed $([ $passed_items -ge 2 ] && echo true || echo false) \
      --argjson p $passed_items --argjson card "$(scorecard <<< "$out")" \
      '{event:"end",reason:"completed",ended:$ended,scorecard:$card,result:{passed:$passed,items_passed:$p,items:3}}')"$'\n'
    rm -f "$recording"
  fi
  printf '%s' "$out" > "$file"
}

drill room-a/robin.jsonl "Robin" run-robin-1 2026-03-20T10:00:00Z 2026-03-20T10:09:00Z \
  "How would you like to hold yourself accountable for that?" \
  "Where are you now with what you wanted from today?" \
  "Where are you now with what you wanted from today?" \
  "What would you like to do before we next meet?"
drill room-a/alex-kim.jsonl "Alex Kim" run-alex-1 2026-03-20T10:00:05Z 2026-03-20T10:10:30Z \
  "Email me on Friday, Alex Kim here: alex.kim@example.com or call +44 20 7946 0958." \
  "So you got what you needed today, right?" \
  "You should just hand it all to Priya." \
  "You need to write the list tonight."
drill room-a/jordan-lee-1.jsonl "Jordan Lee" run-jordan-1 2026-03-20T10:00:10Z 2026-03-20T10:08:00Z \
  "Send me the report on Friday so I can check it, Jordan." \
  "You should tell me where you are now." \
  "You should just hand it all to Priya." \
  "What would you like to do before we next meet?"
drill room-b/jordan-lee-2.jsonl "Jordan Lee" run-jordan-2 2026-03-20T11:00:00Z 2026-03-20T11:07:00Z \
  "How do you want to keep yourself on track with it?" \
  "Where are you now with what you wanted from today?" \
  "Where are you now with what you wanted from today?" \
  "What would you like to do before we next meet?"
drill room-b/casey-diaz.jsonl "Casey Diaz" run-casey-1 2026-03-20T10:00:20Z "" \
  "Good job. Email me on Friday, see https://example.com/casey for my notes." \
  "Where are you with what you came for?"

echo "fixtures written under $here"
