"""The words the figure rules are built from: who is counted, what is launched, and the verbs and
participles that say what happened to them. Regex fragments (case-insensitive), no logic.

Kept apart from the rules so that a word missing from a list is a one-line fix with an obvious place.
"""

from __future__ import annotations

# -- who is counted ---------------------------------------------------------------------------------

#: Plural nouns of people, grouped by the unit a figure of them gets.
SOLDIERS_PLURAL = (
    "soldiers|troops|servicemen|servicewomen|service\\s+members|servicemembers|fighters|marines"
    "|mercenaries|paratroopers|conscripts|recruits|commanders|military\\s+personnel|personnel"
    "|prisoners\\s+of\\s+war|pows|border\\s+guards|guardsmen|sailors|officers|pilots"
)
CIVILIANS_PLURAL = "civilians|residents|villagers|inhabitants|non-combatants"
PEOPLE_PLURAL = (
    "people|persons|children|kids|minors|women|men|teenagers|teens|boys|girls|babies|infants|toddlers"
    "|pensioners|workers|employees|rescuers|rescue\\s+workers|firefighters|medics|paramedics|doctors"
    "|nurses|journalists|reporters|volunteers|passengers|crew\\s+members|crew|miners|students|adults"
    "|family\\s+members|relatives|prisoners|captives|detainees|victims|individuals"
    "|police\\s+officers|policemen|staff|members|elderly\\s+people|drivers|farmers|guards|priests"
)
SOLDIERS_SINGULAR = (
    "soldier|serviceman|servicewoman|service\\s+member|fighter|marine|mercenary|paratrooper|conscript"
    "|commander|officer|pilot|sailor|border\\s+guard"
)
CIVILIANS_SINGULAR = "civilian|resident|villager|inhabitant"
PEOPLE_SINGULAR = (
    "person|child|kid|minor|woman|man|teenager|teen|boy|girl|baby|infant|toddler|pensioner|worker"
    "|employee|rescuer|firefighter|medic|paramedic|doctor|nurse|journalist|reporter|volunteer|passenger"
    "|crew\\s+member|miner|student|mother|father|son|daughter|husband|wife|grandmother|grandfather"
    "|grandson|granddaughter|brother|sister|driver|guard|victim|adult|priest|policeman|policewoman"
    "|police\\s+officer|farmer|individual|photographer|cameraman|volunteer"
)
PEOPLE_NOUN = f"{SOLDIERS_PLURAL}|{CIVILIANS_PLURAL}|{PEOPLE_PLURAL}"
PERSON_NOUN_SINGULAR = f"{SOLDIERS_SINGULAR}|{CIVILIANS_SINGULAR}|{PEOPLE_SINGULAR}"

#: Adjectives allowed between a determiner and a person noun in a counted list ("a young woman").
PERSON_ADJECTIVES = (
    "elderly|young|teenage|local|pregnant|civilian|unarmed|disabled|retired|female|male|little|newborn"
    "|ukrainian|russian|foreign|police|military|older|old|volunteer|fellow|pro-russian|pro-ukrainian"
)

# -- what is launched and downed --------------------------------------------------------------------

DRONE_NOUN = (
    "drones?|uavs?|unmanned\\s+aerial\\s+vehicles?|unmanned\\s+aircraft|shahed(?:s|-type|-136)?(?:\\s+(?:attack\\s+|kamikaze\\s+)?drones?)?|geran(?:-?2)?s?"
    "|loitering\\s+munitions?|kamikaze\\s+drones?"
)
MISSILE_NOUN = "missiles?"
#: After a weapon noun, these make it something else: "drone attacks" counts attacks, not drones.
NOT_A_WEAPON_AFTER = (
    "attacks?|strikes?|raids?|launchers?|units?|operators?|forces|production|factory|factories|plants?"
    "|programmes?|programs?|debris|fragments?|parts?|threats?|warnings?|alerts?|carriers?|makers?"
    "|manufacturers?|sites?|bases?|boats?|components?|technology|pilots?|teams?|crews?"
)

# -- what happened to them --------------------------------------------------------------------------

#: Words that may stand between a counted noun and its participle: "have been", "were later confirmed".
AUXILIARY = (
    "were|was|are|is|have|has|had|been|being|be|got|get|reportedly|also|later|all|both|subsequently"
    "|allegedly|confirmed|reported|officially|seriously|severely|critically|badly|slightly|lightly"
    "|moderately|mortally|gravely|fatally|initially|now|still|remain|remained|remains|went|so\\s+far"
    "|overnight|successfully|each|then|eventually|likely|probably|already|since|reportedly"
)

#: Participles after the counted noun (passive or reduced: "were killed", "13 dead", "two deaths").
PARTICIPLES = {
    "killed": "killed|dead|died|slain|executed|perished|lost\\s+their\\s+lives|deaths|fatalities",
    "wounded": "wounded|injured|hurt|injuries",
    "missing": "missing|unaccounted\\s+for",
    "captured": "captured|taken\\s+(?:as\\s+)?(?:prisoners?|captives?)|taken\\s+captive",
    "evacuated": "evacuated",
    "launched": "launched|fired",
    "downed": (
        "shot\\s+down|downed|intercepted|destroyed|neutrali[sz]ed|brought\\s+down|suppressed|repelled"
        "|repulsed|eliminated"
    ),
}

#: Active verbs right before the amount ("killed four people", "shot down 31 of 51 drones"), every form
#: written out: they are looked up as the last words before the amount, not searched for.
VERBS: dict[str, tuple[str, ...]] = {
    "killed": ("kill", "killed", "killing", "kills", "executed", "executing", "claimed the lives of"),
    "wounded": (
        "wound",
        "wounded",
        "wounding",
        "wounds",
        "injured",
        "injuring",
        "injures",
        "hurt",
        "hurting",
    ),
    "captured": ("captured", "capturing", "captures", "took", "taking", "taken"),
    "evacuated": ("evacuated", "evacuating", "evacuates"),
    "launched": (
        "launch",
        "launched",
        "launching",
        "launches",
        "fired",
        "firing",
        "fires",
        "fire",
        "used",
        "using",
        "sent",
        "sending",
    ),
    "downed": (
        "downed",
        "downing",
        "intercepted",
        "intercepting",
        "intercepts",
        "intercept",
        "destroyed",
        "destroying",
        "destroys",
        "destroy",
        "neutralised",
        "neutralized",
        "neutralising",
        "neutralizing",
        "repelled",
        "eliminated",
        "eliminating",
        "shot down",
        "shoot down",
        "shooting down",
        "shoots down",
        "brought down",
        "bringing down",
    ),
}
VERB_FORMS: dict[str, str] = {form: kind for kind, forms in VERBS.items() for form in forms}


#: Before "with/by N drones": an attack whose weapons are being counted (launched).
ATTACK_WORDS = (
    "attack\\w*|hit|hits|struck|strik\\w*|target\\w*|assault\\w*|raid\\w*|barrage|carried\\s+out"
    "|pounded|bombard\\w*|wave|salvo|shelled"
)

#: Words between an amount and its noun that are never modifiers ("four of the", "10 and").
NOT_A_MODIFIER = (
    "were|was|are|is|have|has|had|and|or|of|in|on|at|by|with|from|to|the|a|an|after|when|while|as"
    "|who|that|which|including|over|into|onto|across|near|killed|injured|wounded|dead|died|but|than"
    "|during|for|since|per|out|this|these|those|its|their|his|her"
)

#: Words before an amount that make it a part of a figure already counted ("…, including five children").
SUBSET_MARKERS = "including|among\\s+them|among\\s+whom|of\\s+whom|incl\\.|among\\s+the\\s+dead"
