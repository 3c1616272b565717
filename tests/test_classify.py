"""Event typing: sentences written for these tests pin every ACLED sub-type and the
non-event classes (crime, disasters, diplomacy, attribution)."""

from __future__ import annotations

import pytest

from marsad import vocab
from marsad.events.classify import Classification, classify, default_lexicon, explain

CASES = [
    # Battles
    ("Armed clash", "Rebels and army troops clashed for hours on the outskirts of the town."),
    ("Armed clash", "Heavy fighting broke out between the two militias near the river crossing."),
    ("Armed clash", "Insurgents attacked an army checkpoint on the highway overnight."),
    ("Armed clash", "A gunfight erupted between police and bandits in the forest."),
    ("Government regains territory", "Government forces recaptured the town of Karmoun from the rebels."),
    ("Government regains territory", "The army regained control of three villages after an offensive."),
    ("Non-state actor overtakes territory", "Militants seized the district centre after the garrison fled."),
    ("Non-state actor overtakes territory", "Rebel fighters captured two villages from government troops."),
    ("Non-state actor overtakes territory", "The insurgents took control of the border crossing on Sunday."),
    # Explosions/Remote violence
    ("Air/drone strike", "An airstrike hit a market in the provincial capital."),
    ("Air/drone strike", "Warplanes struck rebel positions west of the city."),
    ("Air/drone strike", "A drone strike destroyed a car carrying two commanders."),
    ("Air/drone strike", "Jets pounded the hills around the valley for a second night."),
    ("Shelling/artillery/missile attack", "Army artillery shelled the northern suburbs of the town."),
    ("Shelling/artillery/missile attack", "Three rockets landed near the airport on Tuesday."),
    ("Shelling/artillery/missile attack", "Mortar rounds hit a residential block, residents said."),
    ("Shelling/artillery/missile attack", "A ballistic missile struck the port city at dawn."),
    ("Remote explosive/landmine/IED", "A roadside bomb struck a police patrol near the bridge."),
    ("Remote explosive/landmine/IED", "Two shepherds were killed when they stepped on a landmine."),
    ("Remote explosive/landmine/IED", "A car bomb exploded outside the ministry building."),
    ("Remote explosive/landmine/IED", "An improvised explosive device went off beside a bus."),
    ("Suicide bomb", "A suicide bomber detonated his vest at a wedding hall."),
    ("Suicide bomb", "The attacker blew himself up at the entrance of the mosque."),
    ("Grenade", "Unknown men hurled a grenade into a crowded bar."),
    ("Grenade", "A grenade attack on a police post injured two officers."),
    ("Chemical weapon", "Dozens suffered breathing problems after a chlorine attack on the suburb."),
    ("Chemical weapon", "Investigators concluded that sarin was used in the assault on the town."),
    # Violence against civilians
    ("Sexual violence", "Soldiers raped two women during a search of the village."),
    ("Sexual violence", "The report documents sexual violence by militia members against displaced girls."),
    ("Attack", "Gunmen opened fire on worshippers leaving the church."),
    ("Attack", "Militants massacred villagers in a night raid on the settlement."),
    ("Attack", "A local journalist was shot dead outside his home."),
    ("Attack", "The group executed three captured aid workers."),
    ("Abduction/forced disappearance", "Armed men kidnapped five engineers working on the dam."),
    ("Abduction/forced disappearance", "Two activists were abducted by unidentified men in plain clothes."),
    # Protests and riots
    ("Peaceful protest", "Thousands of teachers protested in the capital over unpaid wages."),
    ("Peaceful protest", "Residents staged a sit-in outside the governor's office."),
    ("Peaceful protest", "Students held a peaceful rally against the new law."),
    ("Protest with intervention", "Police fired tear gas to disperse protesters outside parliament."),
    ("Protest with intervention", "Riot police arrested dozens of demonstrators during the march."),
    ("Excessive force against protesters", "Security forces opened fire on protesters, killing four."),
    ("Excessive force against protesters", "Troops used live ammunition against demonstrators."),
    # fire on a crowd, however the sentence words it (tear gas fired at them is an intervention)
    ("Excessive force against protesters", "Soldiers fired on a crowd of demonstrators outside the town hall."),
    ("Protest with intervention", "Police fired tear gas at demonstrators outside the town hall."),
    ("Violent demonstration", "Rioters set fire to a police station in the north of the city."),
    ("Violent demonstration", "Protesters threw stones at police and blocked the main highway."),
    ("Violent demonstration", "Demonstrators clashed with security forces outside the ministry."),
    ("Mob violence", "An angry mob lynched a man accused of stealing a motorbike."),
    ("Mob violence", "A mob beat two traders to death after rumours spread in the market."),
    # Strategic developments
    ("Attack", "A man stabbed three worshippers near a church while shouting Islamic State slogans."),
    ("Armed clash", "Government troops killed more than 40 Islamic State fighters near the town, the army said."),
    ("Attack", "A Palestinian man stabbed an Israeli settler near the settlement, the army said."),
    ("Agreement", "The warring parties signed a ceasefire agreement in the capital."),
    ("Agreement", "The two sides agreed a three-day truce to allow aid deliveries."),
    ("Agreement", "The government and the rebels carried out a prisoner exchange."),
    ("Arrests", "Police arrested 20 opposition activists in a dawn raid."),
    ("Arrests", "Security forces detained a prominent journalist at the airport."),
    # a raid told by the detentions it made, whatever it raided
    ("Arrests", "Militiamen raided several homes in the old quarter and detained nine men they accused of spying."),
    ("Change to group/activity", "The army redeployed two battalions to the eastern front."),
    ("Change to group/activity", "Foreign troops withdrew from the air base on Friday."),
    ("Change to group/activity", "The militia sent reinforcements to the frontline villages."),
    ("Change to group/activity", "Fighters removed the group's flags from the town hall and replaced them."),
    ("Disrupted weapons use", "Bomb disposal experts defused an explosive device near the school."),
    ("Disrupted weapons use", "Police seized a cache of weapons and ammunition in a farmhouse."),
    ("Disrupted weapons use", "Air defences intercepted a drone over the capital."),
    ("Disrupted weapons use", "The army said it shot down two rockets fired at the base."),
    ("Headquarters or base established", "Foreign forces set up a new military post near the village."),
    ("Headquarters or base established", "The rebels established a headquarters in the old school."),
    ("Looting/property destruction", "Militiamen looted shops and burned houses in the village."),
    ("Looting/property destruction", "Soldiers demolished dozens of homes in the camp."),
    ("Non-violent transfer of territory", "Rebels entered the town without resistance after troops left."),
    ("Non-violent transfer of territory", "The militia handed over control of the city to the police."),
    ("Other", "Investigators found a mass grave on the edge of the town."),
    # tear gas shells and petrol bombs are a protest's and a riot's, not shelling or a bombing
    ("Protest with intervention", "Police fired teargas shells to disperse hundreds of farmers who blocked the "
                                  "highway near Ludhiana on Tuesday."),
    ("Violent demonstration", "Petrol bombs were thrown at police during disorder in Derry on Wednesday night."),
    # state media's words: a town "restored to security", militants "neutralised"
    ("Government regains territory", "Army units restored security and stability to the town of Kafr Batna on "
                                     "Sunday."),
    ("Armed clash", "Turkish forces neutralised four PKK militants near Ras al-Ain on Tuesday, the ministry said."),
    # the homes a shelling damaged are the shelling
    ("Shelling/artillery/missile attack", "Artillery shelled villages around Tal Tamr on Saturday evening, damaging "
                                          "several homes."),
]

NON_EVENTS = [
    # one person's crime, no armed group or political aim named
    "A man attacked his neighbour's car with a hammer in the suburb, police said.",
    "Two shoppers were killed in a knife attack at a supermarket, state media said.",
    # crime
    "Police dismantled a cocaine smuggling ring operating from the port.",
    "Two men robbed a bank in the city centre and escaped with cash.",
    "Customs officers seized counterfeit banknotes worth millions.",
    # natural disasters
    "A 6.8 magnitude earthquake struck the coastal province on Monday.",
    "Flash floods swept away dozens of homes after torrential rain.",
    "The volcano erupted again, sending ash over nearby villages.",
    # man-made disasters
    "A gas leak at a chemical plant killed four workers.",
    "Nine people died when a bus crashed into a ravine.",
    "A fire broke out in a textile factory overnight, firefighters said.",
    # diplomacy
    "The government expelled two diplomats over spying allegations.",
    "The European Union imposed new sanctions on the ministry.",
    # attribution
    "The group claimed responsibility for last week's bombing of the bus station.",
    "The ministry denied involvement in the drone attack on the refinery.",
    # words as weapons, a title won, a fire fought, an industrial blast, a verdict, a deal for arms
    "Opposition parties attacked the governor's record on housing.",
    "Rovers captured the League Two title with a 2-0 win at Prenton Park.",
    "Firefighters battled for three hours to put out the fire at the depot.",
    "An explosion rocked a chemical plant in Deer Park on Tuesday, injuring two workers.",
    "The state court in Mostar on Friday sentenced a former soldier to 15 years in prison for the "
    "killing of six civilians in 1993.",
    "Romania signed a deal on Tuesday to buy 54 tanks and 18 self-propelled howitzers to bolster its armed forces.",
]


@pytest.mark.parametrize(("expected", "sentence"), CASES)
def test_subtypes(expected: str, sentence: str) -> None:
    got = classify(sentence)
    assert got is not None, sentence
    assert got.sub_event_type == expected, (sentence, got)


@pytest.mark.parametrize("sentence", NON_EVENTS)
def test_non_events(sentence: str) -> None:
    got = classify(sentence)
    assert got is None or got.sub_event_type == "Other", (sentence, got)


def test_every_subtype_is_pinned() -> None:
    assert {name for name, _ in CASES} == set(default_lexicon().subtype_names)
    assert len(default_lexicon().subtype_names) == 25


def test_event_types_are_acled() -> None:
    # ACLED's six names are pinned in test_vocab; the lexicon must use exactly those.
    types = {st.event_type for st in default_lexicon().subtypes}
    assert types == set(vocab.event_types())


def test_trigger_span() -> None:
    s = "On Monday, warplanes struck a fuel depot."
    c = classify(s)
    assert isinstance(c, Classification)
    assert s[c.trigger_start : c.trigger_end] == c.trigger
    assert "warplanes" in c.trigger.lower()
    assert 0.0 < c.score <= 1.0


def test_no_event_text() -> None:
    assert classify("") is None
    assert classify("The minister opened a new hospital wing on Tuesday.") is None


def test_attribution_after_the_event_keeps_the_event() -> None:
    c = classify("A car bomb killed eight people in the city; the group later claimed responsibility.")
    assert c is not None and c.sub_event_type == "Remote explosive/landmine/IED"


def test_rocket_propelled_grenade_is_not_a_grenade() -> None:
    c = classify("Fighters fired rocket-propelled grenades at the armoured vehicle.")
    assert c is not None and c.sub_event_type == "Shelling/artillery/missile attack"


def test_lexicon_has_no_duplicate_keys() -> None:
    """YAML silently keeps the last of two equal keys (two `4.7:` tiers): refuse them."""
    from importlib import resources

    import yaml

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader: Strict, node: yaml.MappingNode) -> dict[object, object]:
        keys = [loader.construct_object(k) for k, _ in node.value]
        dupes = {k for k in keys if keys.count(k) > 1}
        assert not dupes, f"duplicate keys {dupes} at line {node.start_mark.line + 1}"
        return loader.construct_mapping(node)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    text = resources.files("marsad").joinpath("data/event_lexicon.yaml").read_text(encoding="utf-8")
    yaml.load(text, Loader=Strict)


def test_lexicon_names_match_the_acled_vocabulary() -> None:
    from marsad import vocab

    lex = default_lexicon()
    assert set(lex.subtype_names) == set(vocab.sub_event_types())
    for st in lex.subtypes:
        assert vocab.event_type_of(st.name) == st.event_type


@pytest.mark.parametrize(("sentence", "subtype"), [
    # "detained" as a word for people is no arrest; gathering to demand is a protest
    ("Hundreds of people gathered in the main square to demand the release of detained activists.",
     "Peaceful protest"),
    ("Families of the detained gathered outside the court to demand their release on Monday.", "Peaceful protest"),
    ("Security forces detained five opposition activists in Basra on Monday.", "Arrests"),
])
def test_the_detained_and_those_who_gather_for_them(sentence, subtype):
    c = classify(sentence)
    assert c is not None and c.sub_event_type == subtype


# Everyday words that are also event words: in a story with no armed conflict, a protest, a
# shelling or an arrest must be said in the words of one (wider news: obituaries, sport,
# business, courts, medicine).
EVERYDAY_SENSES = [
    'The Houston Rockets beat the Lakers by ten points on Sunday.',
    'Mick Jones of The Clash played the new songs.',
    'The singer left a suicide note before she died, her family said.',
    'The pitcher suffered a cardiac arrest during practice on Monday.',
    'The young pianist demonstrated remarkable skill at the festival.',
    'The report demonstrates the risks of rapid growth.',
    'After a brief shot at an acting career, she went into law.',
    'The mayor shot down rumours that he would resign.',
    'Both leaders hope to defuse the tensions before the summit.',
    'The comedian apologised for an offensive joke about farmers.',
    'She has spent ten years fighting breast cancer.',
    'The two companies agreed to share the cost of the new bridge.',
    'A neighbour stole his bicycle from the garage.',
    'The developer plans to demolish the old warehouses and build flats.',
    'The family fled to Canada in 1990 and opened a bakery.',
    'He is survived by his wife, Mary Battle of Dallas, and two sons.',
    'The Highway Patrol reported that the truck left the road.',
    'You have to pick your battles, her mother told her.',
    'The city launched a programme to combat graffiti.',
    'The government agreed a deal to buy twelve helicopters and four frigates.',
    'Two of the men were jailed for affray at the crown court.',
    'The jailed journalist wrote to his family from prison.',
    'When the new coach arrived last spring, the team had lost six games in a row.',
    'Customer service training is now compulsory for every cashier.',
    'She is relocating to the Lisbon office next month.',
    'His two-run blast in the ninth inning sealed the win.',
    # Amnesty the organisation is no amnesty
    'Amnesty released a report on the siege of the town on Monday.',
    # weapons bought, sold or made are trade, not their use
    'The ministry said Iran had sold hundreds of attack drones to Russia last year.',
    'The firm manufactures artillery shells and anti-tank missiles for three armies.',
    # an explosion in a fireworks workshop is an accident
    'An explosion ripped through a fireworks workshop in the town, killing four workers.',
    'A blast tore through a firecracker factory on the edge of the city on Sunday.',
    # a battle over prices or votes is no fight; the doers named alone are no act
    'The battle over fuel prices has split the coalition.',
    'The attackers fled on a motorcycle toward the highway.',
    'Police said the killer had not been identified.',
]


@pytest.mark.parametrize("sentence", EVERYDAY_SENSES)
def test_everyday_senses_of_event_words_are_no_events(sentence):
    assert classify(sentence) is None


# ... and the same words where they do report an event.
@pytest.mark.parametrize(("sentence", "subtype"), [
    ('Protesters demonstrated outside the parliament on Friday.', 'Peaceful protest'),
    ('Thousands demonstrated against the new law in the capital.', 'Peaceful protest'),
    ('A mortar shell landed near the school, killing two children.', 'Shelling/artillery/missile attack'),
    ('Air defences shot down two drones over the city.', 'Disrupted weapons use'),
    ('A fighter jet was shot down near the border.', 'Disrupted weapons use'),
    ('Sappers defused a roadside bomb near the bridge.', 'Disrupted weapons use'),
    ('Fierce fighting continued in the northern districts.', 'Armed clash'),
    ("The army's offensive on the town stalled at dawn.", 'Armed clash'),
    ('Heavy Fighting Rages Near Border Town', 'Armed clash'),
    ('Two militants detonated explosives, killing themselves, after police surrounded the house.', 'Suicide bomb'),
    ('Soldiers arrested five suspected militants in the village on Monday.', 'Arrests'),
    ('Police detained two journalists covering the strike.', 'Arrests'),
    ('Militiamen looted shops and burned cars in the market.', 'Looting/property destruction'),
    ('Shops were looted in the town centre overnight.', 'Looting/property destruction'),
    ('Israeli forces demolished two Palestinian homes in the village.', 'Looting/property destruction'),
    ('The army deployed reinforcements to the border town.', 'Change to group/activity'),
    ('The rebels and the government agreed to a prisoner exchange.', 'Agreement'),
    ('Villagers found a mass grave on the edge of the town.', 'Other'),
    # a title or a name after "detained" is still the verb's object; a strong word in a
    # capitalised run is the event word; a headline verb after its doer
    ('Security forces detained opposition leader Daniel Okello in Kampala on Monday.', 'Arrests'),
    ('Police detained journalist Sami Haddad at his home.', 'Arrests'),
    ('Witnesses said Israeli Airstrikes hit the Jabalia camp overnight.', 'Air/drone strike'),
    ('Separatists shell Donetsk suburbs overnight', 'Shelling/artillery/missile attack'),
    ('The Kenyan-led multinational force deployed to the capital on Friday.', 'Change to group/activity'),
    ('Farmers demonstrated their anger by marching on the ministry.', 'Peaceful protest'),
    # a bombing that destroys homes is the bombing; a truce broken is the violence that broke it
    ('Six people were killed in a bombing that destroyed two homes in the village.', 'Remote explosive/landmine/IED'),
    ('Shelling continued despite the ceasefire in the south of the province.', 'Shelling/artillery/missile attack'),
    ('The two sides agreed to a ceasefire on Monday.', 'Agreement'),
    ('A military convoy moved toward the border town.', 'Change to group/activity'),
    ('An aid convoy was struck by an air strike near the town.', 'Air/drone strike'),
    ('Turkish troops arrived at the observation post on Tuesday.', 'Change to group/activity'),
    ('The militia relocated its fighters to the desert east of the river.', 'Change to group/activity'),
    ('A blast ripped through the bus station on Monday.', 'Remote explosive/landmine/IED'),
    ('The government offered an amnesty to rebels who lay down their arms.', 'Agreement'),
    # a convoy that was hit is the target of the blast, not a troop movement
    ("Saturday's blast hit a convoy carrying families as they waited at a crossing.", 'Remote explosive/landmine/IED'),
    ('A convoy of forty army trucks carrying troops arrived in the town on Monday.', 'Change to group/activity'),
    # aircraft that attack make an air strike; an attack on aircraft is a ground attack
    ('The aircraft circled back after attacking the convoy, witnesses said.', 'Air/drone strike'),
    ('Drones attacked an oil depot near the port overnight, the governor said.', 'Air/drone strike'),
    ('Rebels said they attacked the air base and destroyed two helicopters.', 'Armed clash'),
    # bombs that killed are a bombing, not a battle; bombs dropped by aircraft an air strike
    ('Two bombs killed four soldiers at a checkpoint near Kirkuk.', 'Remote explosive/landmine/IED'),
    ('Barrel bombs killed 20 people in the town on Monday.', 'Air/drone strike'),
    ('Bombs dropped by helicopters killed 12 people in the town.', 'Air/drone strike'),
    ('Rockets fired from the border area hit the town.', 'Shelling/artillery/missile attack'),
    # a bombing run is an aircraft's
    ("Tuesday's bombing run on the eastern districts ended a two-week pause.", 'Air/drone strike'),
    # the arrest is the news; the attack the suspects planned never happened
    ('Police arrested two men on Thursday on suspicion of planning a bomb attack on a police station.', 'Arrests'),
    ('Security forces detained a man accused of plotting suicide bombings against pilgrims.', 'Arrests'),
    ('Troops detained three suspects charged with planting a roadside bomb near the bridge.', 'Arrests'),
    # the weapon that was used, beside the word of its trade
    ('Drones supplied by Iran struck a power plant in the city overnight.', 'Air/drone strike'),
    # people fleeing war; the culprits leaving the scene are no displacement
    ('Thousands of families fled the fighting in the northern villages on Sunday.', 'Other'),
    ('The battle for the airport raged for a third day.', 'Armed clash'),
    ('An attack on the village left three farmers dead.', 'Attack'),
    # ... and what those rules must leave alone: a trade word that is no trade of the weapon,
    # a market town fought for, a bomber beside a fireworks shop, a doer described
    ('The army bought time and shelled rebel positions near the lake on Friday.', 'Shelling/artillery/missile attack'),
    ('Residents queuing to buy bread were killed when a missile hit a bakery in the town.',
     'Shelling/artillery/missile attack'),
    ('Water supply was cut after shelling hit the pumping station on Thursday.', 'Shelling/artillery/missile attack'),
    ('Rebels and government troops battled for the market town on Thursday.', 'Armed clash'),
    ('A suicide bomber blew himself up near a fireworks shop in the old market on Monday, killing five people.',
     'Suicide bomb'),
    ('Fighters suspected of links to the group attacked a military base on Monday.', 'Armed clash'),
    ('Town planning officials said shelling destroyed half of the houses in the district.',
     'Shelling/artillery/missile attack'),
])
def test_event_senses_of_the_same_words(sentence, subtype):
    c = classify(sentence)
    assert c is not None and c.sub_event_type == subtype


@pytest.mark.parametrize(("sentence", "subtype"), [
    # the means named by a compound: a vehicle loaded with explosives, a bomb dropped by aircraft
    ("An explosive-laden motorcycle blew up near a police station in the town on Sunday.",
     "Remote explosive/landmine/IED"),
    ("A motorcycle bomb went off outside the market.", "Remote explosive/landmine/IED"),
    ("A Russian glide bomb struck a residential district of the city on Friday.", "Air/drone strike"),
    # an execution of people is an attack on them; a place falls to whoever is named after
    ("Militiamen summarily executed six young men in the Sakhour district on Friday, activists said.", "Attack"),
    ("Eastern Aleppo fell into the hands of government forces on Thursday.", "Government regains territory"),
    ("The town of Maaloula fell to rebel fighters on Monday.", "Non-state actor overtakes territory"),
    ("The town fell to the group on Monday.", "Non-state actor overtakes territory"),
    # a convoy attacked is no convoy on the move
    ("Saturday's convoy attack killed 40 people near Rashidin, a monitor said.", "Attack"),
    # a raid told by the arrests it made is an arrest; one that killed is an attack
    ("Troops raided homes in the town of Hajin and arrested five young men.", "Arrests"),
    ("Police arrested 12 activists in a dawn raid on Tuesday.", "Arrests"),
    ("Police teams raided the homes of party officials overnight and took them to several police stations.",
     "Arrests"),
    ("Troops raided homes in the village, killing two men and arresting five.", "Attack"),
    # who took the town: the troops, not the militias backing them; a movement's army is no state's
    ("Somali troops backed by clan militias recaptured the town of Eel Dheer on Tuesday.",
     "Government regains territory"),
    ("Rebels backed by Turkish artillery captured the village of Tal Rifaat.", "Non-state actor overtakes territory"),
    ("The Arakan Army said on Monday it had captured the town of Paletwa.", "Non-state actor overtakes territory"),
    # a capture that goes on from an earlier verb is its subject's, not its object's
    ("Islamic State fighters ambushed an army convoy near Sukhnah on Monday, seizing the village of Arak.",
     "Non-state actor overtakes territory"),
    ("The army shelled rebel positions in Daraa, recapturing the village of Busra.", "Government regains territory"),
    ("Troops pounded jihadist hideouts and took control of the village of Tal Maleh.",
     "Government regains territory"),
    ("After the army withdrew, rebels captured the town of Busra.", "Non-state actor overtakes territory"),
    # what they managed to take, they took
    ("Government forces managed to take control of Tal Rifaat on Monday.", "Government regains territory"),
    # a clause that describes its subject tells no news of its own, except its toll
    ("Rebels, who captured the town last month, shelled the village of Jurin on Tuesday.",
     "Shelling/artillery/missile attack"),
    ("The strike, which killed 12 people, hit a market in Ariha on Tuesday.", "Attack"),
])
def test_the_act_named_by_its_means_its_outcome_and_its_doer(sentence, subtype):
    c = classify(sentence)
    assert c is not None and c.sub_event_type == subtype


def test_a_partys_word_in_quotes_still_tells_the_act() -> None:
    c = classify("The army said it had 'liberated' the village of Kafr Nabl on Monday.")
    assert c is not None and c.sub_event_type == "Government regains territory"
    c = classify("Rebels 'shelled' the village of Kafr Nabl on Monday, the army said.")
    assert c is not None and c.sub_event_type == "Shelling/artillery/missile attack"
    assert classify("Unions warn of a jobs 'bloodbath' at the plant.") is None


def test_the_words_of_a_banner_or_a_chant_are_no_act() -> None:
    assert classify("About 300 people gathered outside the courthouse, carrying banners reading \"No more time\" "
                    "and \"Our future is under attack\".") is None
    assert classify("Crowds outside the courthouse were chanting 'Stop the killing' on Monday.") is None


def test_a_plan_executed_is_no_execution() -> None:
    assert classify("The company executed the plan to close the plant on Monday.") is None
    assert classify("The execution of the budget was delayed by a month.") is None


def test_damage_a_shelling_caused_is_the_shelling_not_looting() -> None:
    text = ("A police source said two rocket shells fired by militants in the northern countryside landed in "
            "the market and caused material damage to shops and houses.")
    assert classify(text).sub_event_type == "Shelling/artillery/missile attack"
    assert classify("Settlers set fire to houses in the village on Monday.").sub_event_type == \
        "Looting/property destruction"


@pytest.mark.parametrize(("sentence", "subtype"), [
    # armed youths are armed men, not a crowd of rioters
    ("Armed youths attacked a village in Warrap state on Sunday, killing at least nine people.", "Attack"),
    ("Armed youths from the county clashed with soldiers near the town on Monday.", "Armed clash"),
    ("Angry youths blocked the road and burned tyres on Monday.", "Violent demonstration"),
    # a raid that kills and abducts, or kills and burns homes, is coded by the killing
    ("Gunmen stormed the hamlet on Friday, killing six people and abducting four women.", "Attack"),
    ("Gunmen abducted 15 passengers from a bus near Kachia on Friday.", "Abduction/forced disappearance"),
    ("Militants shot dead three farmers and burned 40 homes in the village on Tuesday.", "Attack"),
    ("Insurgents beheaded three farmers near the village on Monday and torched 20 houses in the next one the day "
     "after.", "Attack"),
    ("Militants burned 40 homes in the village on Tuesday.", "Looting/property destruction"),
    # civilians shot at, a civilian vehicle ambushed: an attack on them (an army truck: a clash)
    ("Raiders stormed the settlement at dawn, shooting villagers as they ran.", "Attack"),
    ("The attackers raided the settlement at dawn, shooting residents as they fled and driving away livestock.",
     "Attack"),
    ("Gunmen ambushed a commercial truck on the road near Yei on Friday, killing the driver, police said.", "Attack"),
    ("Bandits ambushed a passenger bus on the highway near Kaura on Thursday, killing the driver.", "Attack"),
    ("Bandits ambushed a military truck on the highway near Kaura on Thursday, killing two soldiers.", "Armed clash"),
    # fighters who fought a battle clashed
    ("Villagers caught up with the raiders on Monday and fought a battle in which five people were killed.",
     "Armed clash"),
    # a swap of prisoners told actively is an agreement
    ("The army and the rebels exchanged 40 prisoners at a bridge on Tuesday.", "Agreement"),
    ("The two warring sides swapped nine detainees on Sunday.", "Agreement"),
    # homes a missile or rockets damaged: the missile is the event
    ("A missile fired by the rebels landed in a residential district of the city, wounding two women and damaging "
     "several houses.", "Shelling/artillery/missile attack"),
    ("Militants targeted on Friday with rockets the eastern neighbourhoods of the town, injuring a child and causing "
     "material damage to homes and a school.", "Shelling/artillery/missile attack"),
    # the means and the mark of an act: drones that carry explosives, a device planted, a convoy
    # under fire, rivals with sticks (combat vehicles destroyed are no combat)
    ("Rebels attacked an army post with drones carrying explosives on Monday.", "Air/drone strike"),
    ("The device planted under a bridge near the town destroyed one of its spans before midnight.",
     "Remote explosive/landmine/IED"),
    ("The army said its aircraft had destroyed dozens of combat vehicles belonging to the militia.",
     "Air/drone strike"),
    ("A police convoy came under heavy fire on the road near the town on Monday.", "Armed clash"),
    ("Supporters of the two parties clashed with sticks and bricks outside the polling station on Sunday.",
     "Mob violence"),
    # the damage a drone did is the drone's; forces who engage armed men clash, whoever rides along
    ("A drone fell near a bakery in the city centre, causing the death of a young man and material damage to "
     "shops and cars.", "Air/drone strike"),
    ("Police, working with local vigilantes, engaged the bandits in a forest near the village on Monday.",
     "Armed clash"),
    # roads the police block are no riot of theirs
    ("Police blocked roads leading to the assembly and lobbed tear gas canisters into the crowd.",
     "Protest with intervention"),
    # a capture told in a clause describing the place, with its own month, is not the news
    ("Rockets fired from rebel areas hit a market in Bentiu, wounding four people, according to the town's "
     "council, which the rebels captured in March.", "Shelling/artillery/missile attack"),
])
def test_who_did_it_to_whom_decides_the_act(sentence, subtype):
    c = classify(sentence)
    assert c is not None and c.sub_event_type == subtype



def test_water_bombers_are_no_weapon_of_war() -> None:
    from marsad.events.classify import story_names

    assert not story_names("Firefighters and a dozen water-bombing aircraft battled the blaze.", "remote_weapon")
    assert story_names("Jets kept bombing the town.", "remote_weapon")


@pytest.mark.parametrize(("sentence", "subtype"), [
    # a review helper's probes of the rules above: what they must leave alone
    ("Meta came under fire from European regulators on Monday after a data leak.", None),
    ("The coach came under fire from fans and pundits after a third straight defeat.", None),
    ("She fought a long battle against pancreatic cancer.", None),
    ("India and Pakistan exchanged lists of civilian prisoners and fishermen on Monday.", None),
    ("Investigators found listening devices planted in the conference room of the embassy.", None),
    ("Guards exchanged fire with prisoners trying to escape.", "Armed clash"),
    ("Tens of thousands marched peacefully through the capital on Saturday, as police monitored the crowd with "
     "drones.", "Peaceful protest"),
    ("Jihadists ambushed a vehicle of the army near Niono, killing four soldiers.", "Armed clash"),
    ("Bandits ambushed a commercial bus on the highway on Friday and abducted 18 passengers.",
     "Abduction/forced disappearance"),
    ("Bandits abducted 30 pupils from a school on Thursday, two years after gunmen killed a teacher there.",
     "Abduction/forced disappearance"),
    ("After a rocket attack on the town, settlers rampaged through the village, torching cars and damaging homes.",
     "Looting/property destruction"),
    ("Torrential rain pounded rebel-held areas of the province on Sunday, flooding camps.", None),
    ("Gunmen killed a police officer and kidnapped two foreign engineers on Monday.", "Attack"),
])
def test_what_the_new_words_leave_alone(sentence, subtype):
    c = classify(sentence)
    assert (c.sub_event_type if c else None) == subtype


@pytest.mark.parametrize(("sentence", "subtype"), [
    # Written for the rules read off the tune half of eval/snippets (each differs from the
    # snippet it answers in its words, places and act).
    # a crowd that kills someone it accuses is mob violence
    ("Residents of a hill village beat to death a young man they suspected of stealing a goat, police said.",
     "Mob violence"),
    ("A gunman beat the shopkeeper to death with an iron bar on Friday, police said.", "Attack"),
    # an agent named, or munitions filled with one, are a chemical weapon, whatever poisoned
    ("Two dozen fighters were treated for poisoning after grenades containing chloropicrin were dropped on their "
     "positions.", "Chemical weapon"),
    ("Government gunners fired rockets loaded with a toxic agent at the rebel-held suburb on Sunday.",
     "Chemical weapon"),
    # a planted bomb is no accident, whatever it derailed
    ("A bomb planted on the tracks exploded under a goods train outside the town, derailing six wagons.",
     "Remote explosive/landmine/IED"),
    ("A methane blast tore through a colliery shaft on Tuesday, killing eleven miners.", None),
    # masts and pylons destroyed by armed men
    ("Insurgents destroyed three mobile phone masts in the district overnight, the army said.",
     "Looting/property destruction"),
    # a group that recruits, forms a unit, disbands or disarms
    ("The military government ordered all men under 40 in the province to register at district offices for "
     "military service.", "Change to group/activity"),
    ("The rebel alliance announced the formation of a new brigade to hold the eastern front.",
     "Change to group/activity"),
    ("The militia said it was dissolving its armed wing and would contest the elections as a party.",
     "Change to group/activity"),
    ("Forty fighters of the armed group surrendered their rifles to the army and entered a demobilisation camp.",
     "Change to group/activity"),
    # armed men engaged, fought for hours or for a place
    ("Three soldiers died when their patrol engaged armed men in the forest on Sunday.", "Armed clash"),
    ("Government troops and rebels fought for control of the main bridge on Tuesday.", "Armed clash"),
    ("Soldiers and vigilantes confronted the raiders, and the gun battle left nine bandits dead.", "Armed clash"),
    # an ambushed bus of civilians is an attack on them
    ("Insurgents ambushed a minibus carrying traders near the border, killing five of them.", "Attack"),
    # arrests for an earlier attack
    ("Police arrested three men in connection with last month's attack on an army checkpoint.", "Arrests"),
    # a bomber stopped, a truck of explosives stopped
    ("Guards shot a would-be bomber at the gate of the stadium before he could detonate his vest.",
     "Disrupted weapons use"),
    ("Police stopped a van packed with bomb-making chemicals on the road to the camps.",
     "Disrupted weapons use"),
    # slogans chanted by a crowd gathered
    ("Hundreds gathered in the main square of the town for the tenth Friday running, chanting slogans against "
     "corruption.", "Peaceful protest"),
    # a deal called for, or talks without a deal, are no agreement
    ("Thousands rallied outside parliament on Saturday, calling on the government to reach a deal with the unions.",
     "Peaceful protest"),
    ("The two delegations met in Doha for the first time in months, but the talks ended without an agreement "
     "on a truce.", None),
    # a blockade its story says stayed peaceful
    ("Truckers blocked the main road into the capital for two hours on Monday; police said the protest remained "
     "peaceful.", "Peaceful protest"),
    # a place given up to the other side
    ("The garrison commander surrendered the town to the rebels after elders negotiated a handover.",
     "Non-violent transfer of territory"),
    # someone taken from home by men in plain clothes
    ("A lawyer has not been seen since he was taken from his office by men in plain clothes on Tuesday, his "
     "family said.", "Abduction/forced disappearance"),
])
def test_snippet_tune_rules(sentence, subtype):
    c = classify(sentence)
    assert (c.sub_event_type if c else None) == subtype


@pytest.mark.parametrize(("sentence", "subtype"), [
    # a review helper's probes of the snippet rules: what they must leave alone
    ("The opposition fought fiercely to block the budget bill in parliament.", None),
    ("Police fought all night to bring the fire under control.", None),
    ("The army fought throughout the day to clear the highway of snow.", None),
    ("The bank announced the formation of a new division in Accra.", None),
    ("The retailer launched a recruitment drive for 2,000 seasonal staff.", None),
    ("The club is dissolving its youth brigades.", None),
    ("Heavy rain started before they could set off for the summit.", None),
    ("Barrels containing toxic chemicals were found dumped in the river.", None),
    ("Police fired grenades containing chemical irritants at protesters.", "Grenade"),
    ("A bomb blast at a coal mine killed five miners, officials said, blaming separatist militants.",
     "Remote explosive/landmine/IED"),
    ("Residents said soldiers beat the man to death at a checkpoint.", "Attack"),
    ("Gunmen killed five people at a market on Sunday; police later arrested two suspects in connection with "
     "the killings.", "Attack"),
    ("The warring parties agreed to a ceasefire on Sunday, after the Security Council urged them to reach a truce.",
     "Agreement"),
    ("The protest was peaceful until youths torched cars and looted shops.", "Violent demonstration"),
    ("She was taken from her house by ambulance men to hospital.", None),
    ("Men in plainclothes were seen outside the stadium.", None),
])
def test_what_the_snippet_rules_leave_alone(sentence, subtype):
    c = classify(sentence)
    assert (c.sub_event_type if c else None) == subtype


@pytest.mark.parametrize(("sentence", "subtype"), [
    # Written for the rules read off the eleventh probe batch's tune half.
    ("Late on Friday a jet struck a farmhouse outside the village, killing a shepherd, residents said.",
     "Air/drone strike"),
    ("The New York Jets struck first with a field goal.", None),
    ("Some 150 militiamen surrendered to the army near the border on Thursday, handing over their rifles.",
     "Change to group/activity"),
    ("The insurgents pulled out of the town overnight, handing over their checkpoints to a tribal militia.",
     "Non-violent transfer of territory"),
    ("A local radio presenter was beaten by four men with iron bars outside his studio on Monday.", "Attack"),
])
def test_eleventh_batch_rules(sentence, subtype):
    c = classify(sentence)
    assert (c.sub_event_type if c else None) == subtype


def test_a_handover_of_people_or_weapons_is_no_transfer_of_territory() -> None:
    # Written for this test: fighters, prisoners and rifles handed over are no ground changing hands.
    for sentence in ("The government also demanded the handover of over 200 wanted militant fighters.",
                     "The talks stalled over the handover of bodies and prisoners held by both sides."):
        c = classify(sentence)
        assert c is None or c.sub_event_type != "Non-violent transfer of territory", sentence
    c = classify("Under the deal, the handover of the town to the army took place on Friday without fighting.")
    assert c is not None and c.sub_event_type == "Non-violent transfer of territory"


@pytest.mark.parametrize(("sentence", "subtype"), [
    # Written for this test: fire at soldiers is a fight between armed sides; a civilian shot by
    # a sniper, or an off-duty soldier shot at home, is an attack on a civilian.
    ("A government soldier was killed by a rebel sniper on the front line north of the town on Thursday.",
     "Armed clash"),
    ("Rebel snipers shot dead two soldiers at a checkpoint outside the village on Thursday.", "Armed clash"),
    ("Gunmen shot dead two soldiers guarding a bridge on the main road on Thursday.", "Armed clash"),
    ("A sniper killed a woman crossing the main street on Thursday.", "Attack"),
    ("Gunmen shot dead an off-duty soldier at his home on Thursday.", "Attack"),
    # An armed group "liberates" ground as the state does: its agent decides.
    ("Kurdish-led fighters liberated the western district of the city from the jihadists on Sunday.",
     "Non-state actor overtakes territory"),
    ("Government troops liberated the desert town on Sunday after a week of fighting.",
     "Government regains territory"),
])
def test_snipers_and_liberations(sentence, subtype):
    c = classify(sentence)
    assert (c.sub_event_type if c else None) == subtype


@pytest.mark.parametrize(("sentence", "subtype"), [
    # Written for the rules read off the twelfth probe batch's tune half.
    ("On Wednesday, army attack helicopters bombarded rebel positions on the hills around the village.",
     "Air/drone strike"),
    ("Militants drove two explosives-laden vehicles at advancing troops, killing four soldiers.", "Suicide bomb"),
    ("On Thursday, several hundred people gathered peacefully in the main square to call for the governor's "
     "resignation.", "Peaceful protest"),
    ("Later in the morning, veterans of wars from Korea to Afghanistan marched through the city centre, many "
     "wearing medals.", None),
    ("Thousands of veterans marched on parliament to demand their pensions be restored.", "Peaceful protest"),
    ("Several shops were looted in the city centre before police regained control in the afternoon.",
     "Looting/property destruction"),
    ("Government forces regained control of the town from the rebels on Sunday.", "Government regains territory"),
    ("The rebels rejected the peace deal on Monday.", None),
    ("Rebels who had rejected the 2016 accord signed a new ceasefire with the government on Monday.", "Agreement"),
    ("The army established a new base near the border on Monday.", "Headquarters or base established"),
    ("Government troops withdrew from the town on Monday.", "Change to group/activity"),
    # ... and what a review helper found the first versions misread.
    ("Soldiers said two civilians were killed by sniper fire in the eastern town on Monday.", "Attack"),
    ("Gunmen shot dead a former soldier at a market on Monday.", "Attack"),
    ("Attackers drove a bomb-laden car to the market, parked it and detonated it remotely.",
     "Remote explosive/landmine/IED"),
    ("Families gathered peacefully for Eid prayers in the square.", None),
    ("Foreign ministers gathered in the capital and called for an end to the war.", None),
    ("Thousands of army veterans marched in the capital, urging the government to resign.", "Peaceful protest"),
    ("The warring factions accepted a truce on Monday after rejecting an earlier deal.", "Agreement"),
    ("French troops re-established their base near the airport on Monday.", "Headquarters or base established"),
])
def test_twelfth_batch_rules(sentence, subtype):
    c = classify(sentence)
    assert (c.sub_event_type if c else None) == subtype, explain(sentence)


@pytest.mark.parametrize(("sentence", "subtype"), [
    # Written for the sixth session of 2026-12-06: order restored is no ground taken.
    ("Police said they had regained control of the situation in the town after youths set fire to a council "
     "office on Tuesday.", "Violent demonstration"),
    ("Stewards quickly regained control of the crowd after fans spilled onto the pitch.", None),
    ("Troops regained control of the town of Bama on Tuesday after a week of fighting.",
     "Government regains territory"),
    # A win beats a rival, not protesters; an animal's attack is no one's.
    ("The fencer won the world title before a roaring crowd on Sunday, beating the defending champion 15-12.",
     None),
    ("Riot police beat demonstrators in the square on Monday.", "Excessive force against protesters"),
    ("A farmer was killed on Friday when an elephant attacked him on his way home from the fields.", None),
    ("A herder was gored to death when a buffalo charged him near the river.", None),
    # Thugs beating a reporter attack him; what the beating set off is not the sentence's act.
    ("A reporter covering the primary was beaten by suspected political thugs on Monday, prompting colleagues "
     "to march in protest the next day.", "Attack"),
    ("Police shot dead a teenager in the suburb on Friday, sparking riots that lasted three nights.", "Attack"),
    ("Police shot dead two protesters in the capital on Friday, sparking more riots.",
     "Excessive force against protesters"),
    ("The verdict sparked protests in the city on Monday.", "Peaceful protest"),
    # Fire opened "with" the weapons named is still fire on its target; a rocket-propelled
    # grenade is a fighter's weapon, no shelling beside gunfire.
    ("Gunmen opened fire with machine guns and rocket-propelled grenades on a security patrol as it drove "
     "through the village.", "Armed clash"),
    ("Gunmen opened fire with assault rifles on a crowd of shoppers at the market.", "Attack"),
    ("Rebels opened fire on an army convoy near the town on Monday.", "Armed clash"),
    ("Militants fired rockets at the airport on Monday.", "Shelling/artillery/missile attack"),
    # A war's leftovers that go off are coded as explosives, found or not; found and made safe
    # they are disrupted.
    ("Three children were killed on Tuesday when an unexploded cluster submunition they found in a field "
     "exploded.", "Remote explosive/landmine/IED"),
    ("A boy was killed by an unexploded shell while herding sheep on Monday.", "Remote explosive/landmine/IED"),
    ("Explosive remnants of war killed two shepherds near the village on Friday.", "Remote explosive/landmine/IED"),
    ("Police found a roadside bomb near the market and defused it on Monday.", "Disrupted weapons use"),
    # A state's strike and a strike on tents that kills come from the air; a walkout does not;
    # talks about a truce are no truce.
    ("Here is a summary of the main developments: - An Israeli strike hit a school sheltering displaced "
     "families before dawn.", "Air/drone strike"),
    ("A strike on tents in the camp on Monday afternoon killed five people, hospital officials said.",
     "Air/drone strike"),
    ("A strike on schools across the country entered its third week.", None),
    ("Indirect ceasefire talks continue in Doha.", None),
    ("A ceasefire took hold in the city on Monday.", "Agreement"),
    # ... and what a review helper found the first versions misread.
    ("The army said on Tuesday it had regained full control of the streets of the city's northern district "
     "after routing the rebels.", "Government regains territory"),
    ("Police beat the rival candidate's supporters with batons on Tuesday as they marched to the commission.",
     "Excessive force against protesters"),
    ("Members of the Grey Wolves attacked Kurdish students with knives at the university, wounding six.", "Attack"),
    ("A crowd gathered outside the governor's office on Monday to demand the release of activists, prompting "
     "police to fire live rounds that killed two demonstrators.", "Excessive force against protesters"),
    ("Two civilians were killed on Saturday after triggering an explosive device near a school.",
     "Remote explosive/landmine/IED"),
    ("Engineers found two roadside bombs on the highway on Tuesday and detonated them safely, the army said.",
     "Disrupted weapons use"),
    ("A missile struck the port on Tuesday, setting fire to two warehouses.", "Shelling/artillery/missile attack"),
    ("Iranian strikes by truck drivers spread to 20 cities on Tuesday, union officials said.", None),
    ("A teachers' strike hit schools across the state on Tuesday as gunmen killed two guards at a college.",
     "Attack"),
    ("Overnight Russian strikes with ballistic missiles killed three people in the city.",
     "Shelling/artillery/missile attack"),
    ("The US strikes back at Beijing with new tariffs on steel.", None),
    ("A ceasefire framework signed in Doha by the government and the rebels came into force on Tuesday.",
     "Agreement"),
    ("Smoke shells fired by police landed in the crowd outside parliament on Tuesday as protesters scattered.",
     "Peaceful protest"),
])
def test_sixth_session_rules(sentence, subtype):
    c = classify(sentence)
    assert (c.sub_event_type if c else None) == subtype, explain(sentence)
