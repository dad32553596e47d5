"""Organisations 2010s news names every day and 1996 Reuters text never did: a hand-written list.

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
Suffolk University|Siena College|Harris Poll|Zogby|PPP|Gravis Marketing|
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

ORGANISATIONS = tuple(sorted({
    name.strip()
    for block in (MEDIA, POLLSTERS, COMPANIES, BODIES)
    for name in block.replace("\n", "").split("|")
    if name.strip()
}))
