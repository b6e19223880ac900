### Miroir questionnaire wording (English). Structure and item codes: data/instrument.json.
### Message ids: item-<item code with dots replaced by dashes>.
### Estimate items (ec, me, mc, xe, xc) repeat word for word the statement of the perspective
### they estimate (c or e), so that each gap compares answers to the same sentence; check.py enforces it.

## Customer questionnaire: own experience (perspective c)

item-courtesy-c-1 = The people I dealt with were courteous and respectful.
item-facilitation-c-1 = It was easy to get what I needed.
item-facilitation-c-2 = The service adapted to my particular situation.
item-values-c-1 = This company lives up to the values it claims.
item-listening-c-1 = People took the time to listen to me.
item-listening-c-2 = My comments and suggestions are taken into account.
item-digital-c-1 = This company's digital tools (website, app) and its staff work well together for me.
item-trust-c-1 = I can trust what I am told.
item-autonomy-c-1 = The person who dealt with me was able to make decisions to help me.
item-consideration-c-1 = This company sees me as a person, not as a file number.
item-consideration-c-2 = This company recognises my loyalty.
item-competence-c-1 = The people I dealt with knew their job well enough to answer my questions.
item-cooperation-c-1 = I did not have to repeat my request from one person or channel to another.
item-environment-c-1 = This company takes care of the environment in the way it serves me.

## Customer questionnaire: headline indicators

item-nps = How likely are you to recommend this company to a friend or colleague?
item-csat = Overall, how satisfied are you with this contact?
item-ces = How easy was it to get your request handled?
item-fcr = Was your request resolved at your first contact, without having to get back in touch?

## Employee questionnaire: own experience (perspective e)

item-courtesy-e-1 = People here treat each other with courtesy and respect.
item-facilitation-e-1 = It is easy to get what I need to do my job.
item-facilitation-e-2 = Our rules and procedures adapt to real situations.
item-values-e-1 = In my daily work, I see the company live up to the values it claims.
item-listening-e-1 = My manager takes the time to listen to me.
item-listening-e-2 = My comments and suggestions lead to action.
item-digital-e-1 = My digital tools are at least as good as those our customers use.
item-trust-e-1 = I can trust what my management tells me.
item-autonomy-e-1 = I am free to take initiatives for customers, with the right to make mistakes.
item-consideration-e-1 = The company sees me as a person, not as a mere resource.
item-consideration-e-2 = My work gets the recognition it deserves.
item-competence-e-1 = I get the training and support I need to do my job well.
item-cooperation-e-1 = Other teams and support functions cooperate well with us.
item-environment-e-1 = The company takes care of the environment in the way we work.

## Employee questionnaire: estimate of customers (perspective ec, shown after perspective-ec-lead)

item-courtesy-ec-1 = The people I dealt with were courteous and respectful.
item-facilitation-ec-1 = It was easy to get what I needed.
item-facilitation-ec-2 = The service adapted to my particular situation.
item-values-ec-1 = This company lives up to the values it claims.
item-listening-ec-1 = People took the time to listen to me.
item-listening-ec-2 = My comments and suggestions are taken into account.
item-digital-ec-1 = This company's digital tools (website, app) and its staff work well together for me.
item-trust-ec-1 = I can trust what I am told.
item-autonomy-ec-1 = The person who dealt with me was able to make decisions to help me.
item-consideration-ec-1 = This company sees me as a person, not as a file number.
item-consideration-ec-2 = This company recognises my loyalty.
item-competence-ec-1 = The people I dealt with knew their job well enough to answer my questions.
item-cooperation-ec-1 = I did not have to repeat my request from one person or channel to another.
item-environment-ec-1 = This company takes care of the environment in the way it serves me.

## Employee questionnaire: customer orientation and headline indicators

item-orientation-1 = I know what our customers expect.
item-orientation-2 = I can solve a customer's problem at the first contact.
item-orientation-3 = I feel responsible for our customers' satisfaction.
item-enps = How likely are you to recommend the company as an employer to a friend or relative?
item-ies = How easy is it to get what you need inside the company to serve customers?

## Manager self-assessment: estimate of the team's employees (perspective me, shown after perspective-me-lead)

item-courtesy-me-1 = People here treat each other with courtesy and respect.
item-facilitation-me-1 = It is easy to get what I need to do my job.
item-facilitation-me-2 = Our rules and procedures adapt to real situations.
item-values-me-1 = In my daily work, I see the company live up to the values it claims.
item-listening-me-1 = My manager takes the time to listen to me.
item-listening-me-2 = My comments and suggestions lead to action.
item-digital-me-1 = My digital tools are at least as good as those our customers use.
item-trust-me-1 = I can trust what my management tells me.
item-autonomy-me-1 = I am free to take initiatives for customers, with the right to make mistakes.
item-consideration-me-1 = The company sees me as a person, not as a mere resource.
item-consideration-me-2 = My work gets the recognition it deserves.
item-competence-me-1 = I get the training and support I need to do my job well.
item-cooperation-me-1 = Other teams and support functions cooperate well with us.
item-environment-me-1 = The company takes care of the environment in the way we work.

## Manager self-assessment: estimate of the team's customers (perspective mc, shown after perspective-mc-lead)

item-courtesy-mc-1 = The people I dealt with were courteous and respectful.
item-facilitation-mc-1 = It was easy to get what I needed.
item-facilitation-mc-2 = The service adapted to my particular situation.
item-values-mc-1 = This company lives up to the values it claims.
item-listening-mc-1 = People took the time to listen to me.
item-listening-mc-2 = My comments and suggestions are taken into account.
item-digital-mc-1 = This company's digital tools (website, app) and its staff work well together for me.
item-trust-mc-1 = I can trust what I am told.
item-autonomy-mc-1 = The person who dealt with me was able to make decisions to help me.
item-consideration-mc-1 = This company sees me as a person, not as a file number.
item-consideration-mc-2 = This company recognises my loyalty.
item-competence-mc-1 = The people I dealt with knew their job well enough to answer my questions.
item-cooperation-mc-1 = I did not have to repeat my request from one person or channel to another.
item-environment-mc-1 = This company takes care of the environment in the way it serves me.

## Executive self-assessment: estimate of employees (perspective xe, shown after perspective-xe-lead)

item-courtesy-xe-1 = People here treat each other with courtesy and respect.
item-facilitation-xe-1 = It is easy to get what I need to do my job.
item-facilitation-xe-2 = Our rules and procedures adapt to real situations.
item-values-xe-1 = In my daily work, I see the company live up to the values it claims.
item-listening-xe-1 = My manager takes the time to listen to me.
item-listening-xe-2 = My comments and suggestions lead to action.
item-digital-xe-1 = My digital tools are at least as good as those our customers use.
item-trust-xe-1 = I can trust what my management tells me.
item-autonomy-xe-1 = I am free to take initiatives for customers, with the right to make mistakes.
item-consideration-xe-1 = The company sees me as a person, not as a mere resource.
item-consideration-xe-2 = My work gets the recognition it deserves.
item-competence-xe-1 = I get the training and support I need to do my job well.
item-cooperation-xe-1 = Other teams and support functions cooperate well with us.
item-environment-xe-1 = The company takes care of the environment in the way we work.

## Executive self-assessment: estimate of customers (perspective xc, shown after perspective-xc-lead)

item-courtesy-xc-1 = The people I dealt with were courteous and respectful.
item-facilitation-xc-1 = It was easy to get what I needed.
item-facilitation-xc-2 = The service adapted to my particular situation.
item-values-xc-1 = This company lives up to the values it claims.
item-listening-xc-1 = People took the time to listen to me.
item-listening-xc-2 = My comments and suggestions are taken into account.
item-digital-xc-1 = This company's digital tools (website, app) and its staff work well together for me.
item-trust-xc-1 = I can trust what I am told.
item-autonomy-xc-1 = The person who dealt with me was able to make decisions to help me.
item-consideration-xc-1 = This company sees me as a person, not as a file number.
item-consideration-xc-2 = This company recognises my loyalty.
item-competence-xc-1 = The people I dealt with knew their job well enough to answer my questions.
item-cooperation-xc-1 = I did not have to repeat my request from one person or channel to another.
item-environment-xc-1 = This company takes care of the environment in the way it serves me.

## Pillars of the relationship (METHOD.md §2, §6)

pillar-execution = Execution
pillar-execution-desc = The basics of the service done well: ease, digital tools, autonomy, competence and cooperation.
pillar-link = Link
pillar-link-desc = The quality of the relationship between people: courtesy, listening and trust.
pillar-emotion = Emotion
pillar-emotion-desc = What gives the relationship meaning and makes it last: values, consideration and care for the environment.

## Dimensions (METHOD.md §2)

dimension-courtesy = Courtesy and manners
dimension-courtesy-desc = Whether people are treated with courtesy and respect: customers by staff, and employees by one another.
dimension-facilitation = Facilitation and adaptability
dimension-facilitation-desc = How easy it is to get what one needs, and how far the service and the rules adapt to real situations.
dimension-values = Values
dimension-values-desc = Whether the company lives up to the values it claims, as seen by customers and by employees.
dimension-listening = Listening and feedback
dimension-listening-desc = Whether customers and employees are listened to, and whether their comments lead to action.
dimension-digital = Human and digital harmony
dimension-digital-desc = How well digital tools and people work together, and whether employees are equipped at least as well as customers.
dimension-trust = Trust
dimension-trust-desc = Whether customers and employees can trust what they are told.
dimension-autonomy = Autonomy
dimension-autonomy-desc = Whether front-line employees are free to decide and take initiatives for customers, with the right to make mistakes.
dimension-consideration = Consideration
dimension-consideration-desc = Whether people feel considered and recognised as individuals, rather than handled as a file or a resource.
dimension-competence = Competence and support
dimension-competence-desc = Whether staff know their job, and whether they are trained and supported to do it well.
dimension-cooperation = Cooperation
dimension-cooperation-desc = Whether teams, support functions and channels work together, so that nobody has to repeat themselves.
dimension-environment = Respect for the environment
dimension-environment-desc = Whether the company takes care of the environment in how it serves customers and in how its employees work.

## Populations (METHOD.md §1)

population-customer = Customers
population-employee = Employees
population-manager = Managers
population-executive = Executives

## Perspectives: short labels for reports, and the lead-in shown above the statements of each perspective

perspective-c = Customers
perspective-e = Employees
perspective-ec = Employees' estimate of customers
perspective-me = Manager's estimate of employees
perspective-mc = Manager's estimate of customers
perspective-xe = Executives' estimate of employees
perspective-xc = Executives' estimate of customers
perspective-c-lead = How far do you agree with each of these statements about your experience?
perspective-e-lead = How far do you agree with each of these statements about your experience at work?
perspective-ec-lead = In your opinion, how would your customers answer? For each statement, choose the answer you think most of them would give.
perspective-me-lead = In your opinion, how would the members of your team answer? For each statement, choose the answer you think most of them would give.
perspective-mc-lead = In your opinion, how would your team's customers answer? For each statement, choose the answer you think most of them would give.
perspective-xe-lead = In your opinion, how would the organisation's employees answer? For each statement, choose the answer you think most of them would give.
perspective-xc-lead = In your opinion, how would the organisation's customers answer? For each statement, choose the answer you think most of them would give.
perspective-me-estimate-lead = Out of 10 of your employees, how many would agree that…?
perspective-mc-estimate-lead = Out of 10 of your team’s customers, how many would agree that…?
perspective-xe-estimate-lead = Out of 10 of the organisation’s employees, how many would agree that…?
perspective-xc-estimate-lead = Out of 10 of the organisation’s customers, how many would agree that…?

## Contact channels of customer responses

channel-in_person = In person
channel-phone = Phone
channel-web = Website
channel-app = Mobile app
channel-email = Email
channel-other = Other

## Answer scales

scale-agree-1 = Strongly disagree
scale-agree-2 = Disagree
scale-agree-3 = Neither agree nor disagree
scale-agree-4 = Agree
scale-agree-5 = Strongly agree
scale-dont-know = Don't know / not applicable
scale-nps-0 = Not at all likely
scale-nps-10 = Extremely likely
scale-estimate-0 = None of them
scale-estimate-10 = All ten
scale-effort-1 = Very difficult
scale-effort-7 = Very easy
scale-csat-1 = Very dissatisfied
scale-csat-2 = Dissatisfied
scale-csat-3 = Neither satisfied nor dissatisfied
scale-csat-4 = Satisfied
scale-csat-5 = Very satisfied
scale-fcr-yes = Yes
scale-fcr-no = No

## Maturity shapes (METHOD.md §6)

maturity-excellence = Excellence
maturity-excellence-desc = All three pillars score high: the relationship is strong from the basics up to emotion.
maturity-house = House
maturity-house-desc = Execution and link are both high and close to each other: the house stands, and emotion is what remains to build.
maturity-pyramid = Pyramid
maturity-pyramid-desc = Execution is clearly ahead of link: the base is being strengthened first, and the relationship floors come next.
maturity-narrow = Narrow building
maturity-narrow-desc = The three pillars sit at similar, middling levels: the basics of the relationship still need work across the board.

## Team quadrants, split at the median employee and customer indices (METHOD.md §5)

quadrant-virtuous = Virtuous symmetry
quadrant-virtuous-desc = Employees and customers both score at or above the median: the attention given inside reaches customers.
quadrant-fragile = Fragile satisfaction
quadrant-fragile-desc = Customers score high but employees score low: customers are served at the team's expense, which rarely lasts.
quadrant-untapped = Untapped engagement
quadrant-untapped-desc = Employees score high but customers score low: engagement is not reaching customers, so look at execution.
quadrant-vicious = Vicious circle
quadrant-vicious-desc = Employees and customers both score below the median: the difficulties of each side feed those of the other.

## Gaps, in points of % favourable (METHOD.md §4)

gap-symmetry = Symmetry gap
gap-symmetry-desc = Employees' score minus customers' score, in points. Positive: employees rate their own experience higher than customers rate theirs, so the attention given inside is not reaching customers; negative: customers are better served than employees are treated, possibly at their expense. A large gap either way means attention is not symmetrical.
gap-customer_perception = Customer perception gap
gap-customer_perception-desc = Employees' estimate of the customer experience minus what customers report, in points. Positive: employees overestimate the customer experience; negative: they underestimate it.
gap-managerial_blind_spot = Managerial blind spot
gap-managerial_blind_spot-desc = The manager's estimate of the team's experience minus what the team reports, in points. Positive: the manager thinks the team is better off than it says; negative: the manager is more pessimistic than the team.
gap-manager_customer_blind_spot = Manager's customer blind spot
gap-manager_customer_blind_spot-desc = The manager's estimate of the customer experience minus what the team's customers report, in points. Positive: the manager overestimates the customer experience; negative: the manager underestimates it.
gap-leadership_employee = Leadership blind spot on employees
gap-leadership_employee-desc = Executives' estimate of the employee experience minus what employees across the organisation report, in points. Positive: leadership thinks employees are better off than they say; negative: leadership is more pessimistic than employees.
gap-leadership_customer = Leadership blind spot on customers
gap-leadership_customer-desc = Executives' estimate of the customer experience minus what customers across the organisation report, in points. Positive: leadership overestimates the customer experience; negative: it underestimates it.
