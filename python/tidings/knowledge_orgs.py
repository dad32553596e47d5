"""Organisations (and shows) 2010s news names every day and 1996 Reuters text never did: a hand-written list.

Written for tidings from general knowledge (no source list was copied; nothing here was taken from
an annotated text). Each entry is a name as news writes it, typed ORG; the tagger reads a match as one
feature among others and learns from CoNLL-2003 how far to trust such lists, so the context can still
win ("an apple", "the Amazon river"). Left out on purpose: names whose other reading is as common in
news (Ford, Fortune, Atlantic, Time, Bloomberg, the White House, the Kremlin) or that are
words at the start of a sentence (Slate, Salon, Carrier, WHO, ICE, Fed).
"""

MEDIA = """
The New York Times|New York Times|NYT|The Washington Post|Washington Post|The Wall Street Journal|
Wall Street Journal|WSJ|USA Today|USA TODAY|Los Angeles Times|LA Times|Chicago Tribune|Boston Globe|
The Boston Globe|Miami Herald|Houston Chronicle|Dallas Morning News|Philadelphia Inquirer|Denver Post|
Seattle Times|San Francisco Chronicle|Tampa Bay Times|Des Moines Register|Detroit Free Press|
Arizona Republic|Orlando Sentinel|Politico|POLITICO|The Hill|Breitbart|Breitbart News|HuffPost|
Huffington Post|The Huffington Post|BuzzFeed|BuzzFeed News|Vox|Axios|Mother Jones|
National Review|The Daily Beast|Daily Beast|Daily Caller|The Daily Caller|The Intercept|ProPublica|
Bloomberg News|Bloomberg Businessweek|Reuters|Associated Press|AP|AFP|Agence France-Presse|UPI|
United Press International|CNN|MSNBC|Fox News|Fox Business|ABC News|CBS News|NBC News|NPR|PBS|BBC|
C-SPAN|CNBC|Al Jazeera|Sputnik|RT|The Guardian|Financial Times|The Economist|Newsweek|Forbes|
Rolling Stone|Vanity Fair|The New Yorker|New York Post|New York Daily News|Daily Mail|Drudge Report|
Western Journal|Western Journalism|Townhall|Infowars|RealClearPolitics|FiveThirtyEight|Yahoo News|
Vice News|Telemundo|Univision|Sinclair Broadcast Group|Gannett|The Weekly Standard|Weekly Standard|
The Nation|The New Republic|Talking Points Memo|Newsmax|One America News|Washington Examiner|
Washington Times|The Washington Times|Washington Free Beacon|Free Beacon|The Federalist|Zero Hedge|
Media Matters|Politifact|PolitiFact|FactCheck.org|Snopes|Roll Call|National Journal|The Tennessean|
"""

POLLSTERS = """
Gallup|Quinnipiac|Quinnipiac University|Rasmussen Reports|YouGov|Morning Consult|Monmouth University|
Marist|Marist College|Pew Research Center|Ipsos|Public Policy Polling|SurveyMonkey|Emerson College|
Suffolk University|Siena College|Harris Poll|Zogby|PPP|Gravis Marketing|Rasmussen|Monmouth|Pew|
Pew Research|ORC|ORC International|SSRS|NORC|AP-NORC|Economist|Investor's Business Daily|IBD|TIPP|
IBD/TIPP|SurveyUSA|Survey USA|Mason-Dixon|Selzer & Co.|Franklin & Marshall|
Franklin & Marshall College|Elon University|Winthrop University|Saint Leo University|Roanoke College|
Muhlenberg College|Marquette Law School|Marquette University Law School|Field Poll|Field Research|
Public Policy Institute of California|PPIC|Kaiser Family Foundation|PRRI|
Public Religion Research Institute|Hart Research|Hart Research Associates|Public Opinion Strategies|
Harris Interactive|Magellan Strategies|Harper Polling|Remington Research|Trafalgar Group|
Landmark Communications|Opinion Savvy|Echelon Insights|Civiqs|Change Research|Data for Progress|
Google Consumer Surveys|CVoter|UPI/CVoter|USC Dornsife|University of New Hampshire|WMUR|
High Point University|Western New England University|Baldwin Wallace University|Ipsos MORI|
Angus Reid|Angus Reid Institute|Insights West|Mainstreet Research|Edison Research|
"""

COMPANIES = """
Twitter|Facebook|Instagram|YouTube|Google|Alphabet|Apple|Microsoft|Amazon|WhatsApp|Snapchat|Reddit|
LinkedIn|Tumblr|Pinterest|TikTok|WikiLeaks|Netflix|Uber|Lyft|Airbnb|Tesla|SpaceX|Yahoo|Intel|IBM|
Oracle|Samsung|Huawei|Alibaba|Baidu|Tencent|Spotify|PayPal|eBay|Dropbox|Cambridge Analytica|Palantir|
Verizon|AT&T|Comcast|Disney|Walmart|Exxon|ExxonMobil|Exxon Mobil|Chevron|Boeing|Goldman Sachs|
JPMorgan|JPMorgan Chase|Morgan Stanley|Citigroup|Citibank|Wells Fargo|Bank of America|Deutsche Bank|
Koch Industries|General Motors|General Electric|Pfizer|Starbucks|McDonald's|Coca-Cola|PepsiCo|Nike|
Trump Organization|Clinton Foundation|Trump University|Fusion GPS|Crowdstrike|CrowdStrike|Kaspersky|
Gazprom|Rosneft|Halliburton|Lockheed Martin|Raytheon|Mylan|Theranos|Volkswagen|Toyota|
"""

BODIES = """
FBI|CIA|NSA|DHS|EPA|IRS|FEC|FCC|FDA|CDC|TSA|NASA|Pentagon|Justice Department|State Department|
Department of Justice|Department of State|Department of Homeland Security|Department of Defense|
Defense Department|Treasury Department|Homeland Security|Secret Service|Congress|Supreme Court|
NATO|United Nations|UN|U.N.|European Union|EU|World Bank|IMF|International Monetary Fund|
World Health Organization|OPEC|DNC|RNC|Democratic National Committee|Republican National Committee|
GOP|NRA|National Rifle Association|ACLU|Planned Parenthood|Judicial Watch|
Heritage Foundation|Brookings Institution|Cato Institute|Center for American Progress|
Southern Poverty Law Center|AFL-CIO|Chamber of Commerce|U.S. Chamber of Commerce|ISIS|ISIL|
Islamic State|al-Qaeda|al Qaeda|Taliban|Hezbollah|Hamas|Muslim Brotherhood|
Priorities USA|Club for Growth|Americans for Prosperity|Freedom Caucus|House Freedom Caucus|
Congressional Budget Office|CBO|Government Accountability Office|GAO|Federal Reserve|
"""

# teams of the four major North American leagues (2016-2020), full names: a town before a team's
# name is part of the team (ORG), not a place
TEAMS = """
Arizona Cardinals|Atlanta Falcons|Baltimore Ravens|Buffalo Bills|Carolina Panthers|Chicago Bears|
Cincinnati Bengals|Cleveland Browns|Dallas Cowboys|Denver Broncos|Detroit Lions|Green Bay Packers|
Houston Texans|Indianapolis Colts|Jacksonville Jaguars|Kansas City Chiefs|Las Vegas Raiders|
Oakland Raiders|Los Angeles Chargers|San Diego Chargers|Los Angeles Rams|St. Louis Rams|
Miami Dolphins|Minnesota Vikings|New England Patriots|New Orleans Saints|New York Giants|New York Jets|
Philadelphia Eagles|Pittsburgh Steelers|San Francisco 49ers|Seattle Seahawks|Tampa Bay Buccaneers|
Tennessee Titans|Washington Redskins|Washington Football Team|
Atlanta Hawks|Boston Celtics|Brooklyn Nets|Charlotte Hornets|Chicago Bulls|Cleveland Cavaliers|
Dallas Mavericks|Denver Nuggets|Detroit Pistons|Golden State Warriors|Houston Rockets|Indiana Pacers|
Los Angeles Clippers|Los Angeles Lakers|Memphis Grizzlies|Miami Heat|Milwaukee Bucks|
Minnesota Timberwolves|New Orleans Pelicans|New York Knicks|Oklahoma City Thunder|Orlando Magic|
Philadelphia 76ers|Phoenix Suns|Portland Trail Blazers|Sacramento Kings|San Antonio Spurs|
Toronto Raptors|Utah Jazz|Washington Wizards|
Arizona Diamondbacks|Atlanta Braves|Baltimore Orioles|Boston Red Sox|Chicago Cubs|Chicago White Sox|
Cincinnati Reds|Cleveland Indians|Colorado Rockies|Detroit Tigers|Houston Astros|Kansas City Royals|
Los Angeles Angels|Los Angeles Dodgers|Miami Marlins|Milwaukee Brewers|Minnesota Twins|New York Mets|
New York Yankees|Oakland Athletics|Philadelphia Phillies|Pittsburgh Pirates|San Diego Padres|
San Francisco Giants|Seattle Mariners|St. Louis Cardinals|Tampa Bay Rays|Texas Rangers|
Toronto Blue Jays|Washington Nationals|
Anaheim Ducks|Arizona Coyotes|Boston Bruins|Buffalo Sabres|Calgary Flames|Carolina Hurricanes|
Chicago Blackhawks|Colorado Avalanche|Columbus Blue Jackets|Dallas Stars|Detroit Red Wings|
Edmonton Oilers|Florida Panthers|Los Angeles Kings|Minnesota Wild|Montreal Canadiens|
Nashville Predators|New Jersey Devils|New York Islanders|New York Rangers|Ottawa Senators|
Philadelphia Flyers|Pittsburgh Penguins|San Jose Sharks|St. Louis Blues|Tampa Bay Lightning|
Toronto Maple Leafs|Vancouver Canucks|Vegas Golden Knights|Washington Capitals|Winnipeg Jets|
"""

# radio and TV shows, MISC in the news set's conventions (rule 19 of bench/newsdev/NOTES.md). Left
# out: titles that are also everyday phrases ("This Week", "The View", "New Day", "Today", "The Five",
# "All In", "Special Report", "Real Time", "Fresh Air") and hosts' bare names ("Hannity"), which would be read
# as shows wherever they open a sentence or name the host.
PROGRAMMES = """
Meet the Press|Face the Nation|Fox News Sunday|State of the Union|Morning Joe|Hardball|
Hardball with Chris Matthews|The Kelly File|The O'Reilly Factor|The O’Reilly Factor|
O'Reilly Factor|Tucker Carlson Tonight|Anderson Cooper 360|AC360|The Daily Show|Saturday Night Live|
SNL|The Late Show|Late Show|The Tonight Show|Tonight Show|Late Night with Seth Meyers|
Jimmy Kimmel Live|Good Morning America|60 Minutes|Nightline|Fox & Friends|Fox and Friends|
Inside Politics|The Situation Room|Squawk Box|Morning Edition|All Things Considered|
The Rush Limbaugh Show|Rush Limbaugh Show|America's Newsroom|Sunday Morning Futures|Reliable Sources|
The Rachel Maddow Show|Rachel Maddow Show|PBS NewsHour|NewsHour|CBS This Morning|CBS Evening News|
NBC Nightly News|World News Tonight|Last Week Tonight|Full Frontal|Breitbart News Daily|
The Sean Hannity Show|The Mark Levin Show|The Glenn Beck Program|Weekend Edition|
Face the Nation with John Dickerson|Meet the Press Daily|The Lead with Jake Tapper|Erin Burnett OutFront|
The Ingraham Angle|Lou Dobbs Tonight|Mornings with Maria|Varney & Co.|Your World with Neil Cavuto|
Special Report with Bret Baier|The Story with Martha MacCallum|The Beat with Ari Melber|
"""

PROGRAMME_NAMES = tuple(sorted({name.strip() for name in PROGRAMMES.replace("\n", "").split("|") if name.strip()}))

ORGANISATIONS = tuple(sorted({
    name.strip()
    for block in (MEDIA, POLLSTERS, COMPANIES, BODIES, TEAMS)
    for name in block.replace("\n", "").split("|")
    if name.strip()
}))
