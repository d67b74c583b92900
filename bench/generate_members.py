#!/usr/bin/env python3
"""Deterministic synthetic membership for benchmarks: N members (default 15,000,
about IIMC's size) with ~40 activities each over every ledger kind, as one JSON
array. `--pathological` writes one member with 2,000 activities, 500 of them
either-or (annual conferences, online courses with assessment)."""
import argparse
import json
import random

KINDS = ["institute_course", "state_course", "other_course", "seminar", "degree", "college_course",
         "vocational_course", "certification", "annual_conference", "academy_session", "athenian_dialogue",
         "cd_rom_course", "online_course", "study_abroad", "conference", "employment", "committee_service",
         "board_service", "association_office", "teaching", "unique_achievement", "personal_accomplishment",
         "ms_course", "business_meeting"]
DUTIES = ["seal_and_documents", "general_management", "records_management", "elections",
          "meeting_administration", "legal_instruments", "human_resources", "financial_management"]


def day(rng, lo=2005, hi=2026):
    return f"{rng.randint(lo, hi):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def activity(rng, i, kind):
    a = {"id": f"a{i:05d}", "kind": kind}
    hours = rng.choice([1, 2, 3, 4, 6, 7.5, 8, 12, 16, 24, 36])
    if kind in ("employment", "committee_service", "board_service", "association_office"):
        start = rng.randint(1995, 2022)
        a["start"] = f"{start}-{rng.randint(1, 12):02d}-01"
        if rng.random() < 0.5:
            a["end"] = f"{min(start + rng.randint(1, 12), 2026)}-{rng.randint(1, 12):02d}-01"
        if kind == "employment":
            a.update(schedule=rng.choice(["full_time", "part_time"]),
                     role=rng.choice(["clerk", "deputy_clerk", "local_government", "government", "business"]),
                     administrative=rng.random() < 0.8)
        elif kind == "committee_service":
            a.update(body=rng.choice(["iimc", "iimc_foundation", "clerks_association"]),
                     role=rng.choice(["member", "chair"]))
        elif kind == "association_office":
            a["association"] = rng.choice(["clerks_association", "related_professional"])
        return a
    a["date"] = day(rng)
    if kind == "institute_course":
        a.update(hours=hours, assessed=rng.random() < 0.9, level=rng.choice(["cmc", "mmc"]), session=f"s{rng.randint(1, 50)}")
    elif kind == "state_course":
        a.update(hours=hours, assessed=rng.random() < 0.8, course_review=rng.random() < 0.7)
    elif kind in ("other_course", "seminar", "vocational_course", "certification", "unique_achievement"):
        a["hours"] = hours
    elif kind == "degree":
        a.update(level=rng.choice(["associate", "bachelor", "master", "doctorate"]), related=rng.random() < 0.6)
    elif kind == "college_course":
        a["credits"] = rng.randint(1, 4)
    elif kind in ("annual_conference", "study_abroad"):
        a["points"] = rng.choice([2, 4, 6, 8, 10])
    elif kind == "athenian_dialogue":
        a["assessed"] = rng.random() < 0.9
    elif kind == "online_course":
        a.update(points=rng.choice([1, 2, 3, 4]), hours=rng.choice([2, 4, 6]), assessed=rng.random() < 0.7,
                 format=rng.choice(["fully_online", "hybrid", "webinar"]))
    elif kind == "conference":
        if rng.random() < 0.5:
            a["hours"] = hours
        else:
            a["days"] = rng.randint(1, 3)
    elif kind == "teaching":
        a.update(hours=hours, venue=rng.choice(["institute", "state_course"]), session=f"s{rng.randint(1, 50)}")
    elif kind == "ms_course":
        a.update(hours=hours, assessed=True, phase=rng.choice(["I", "II", "III"]),
                 session=rng.choice(["fall", "spring"]), title=f"course {rng.randint(1, 30)}")
    elif kind == "business_meeting":
        a["event"] = rng.choice(["spring_conference", "mml_conference", "winter_workshop"])
    if rng.random() < 0.03:
        a["documented"] = False
    return a


def member(rng, n, activities):
    return {
        "member": {"id": f"M{n:05d}", "region": rng.randint(1, 11),
                   "membership": rng.choice(["full", "full", "full", "associate", "retired"]),
                   "member_since": day(rng, 1995, 2024), "position": rng.choice(["clerk", "deputy_clerk", "tax_collector", "other"]),
                   "core_duties": rng.sample(DUTIES, rng.randint(2, 8)), "ethics_affirmed": rng.random() < 0.9,
                   "enrolled": ["CMC"] if rng.random() < 0.8 else []},
        "activities": activities,
    }


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--members", type=int, default=15000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--pathological", action="store_true")
    args = p.parse_args()
    rng = random.Random(args.seed)
    if args.pathological:
        acts = [activity(rng, i, rng.choice(["annual_conference", "online_course"])) for i in range(500)]
        for a in acts:
            if a["kind"] == "online_course":
                a.update(assessed=True, hours=6, format="fully_online")
        acts += [activity(rng, i, rng.choice(KINDS)) for i in range(500, 2000)]
        print(json.dumps(member(rng, 0, acts)))
        return
    out = [member(rng, n, [activity(rng, i, rng.choice(KINDS)) for i in range(rng.randint(30, 50))])
           for n in range(args.members)]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
