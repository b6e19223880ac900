### Miroir ten-point action plan (English). Codes and target dimensions: data/action_plan.json.

## The ten points: action-<code> is the title, action-<code>-desc the description

action-exemplarity = Managers set the example
action-exemplarity-desc = Managers give their teams the attention they ask their teams to give customers: they are available, courteous and keep their promises. Start with small, visible commitments, such as a regular one-to-one slot for each team member and an answer to every request within an agreed time.

action-listen-inside = Listen to employees as to customers
action-listen-inside-desc = Set up regular internal listening: a short pulse survey, and a few minutes in team meetings to raise what gets in the way. Log employee irritants and treat them with the same priority and follow-up as customer complaints, then tell the team what was done.

action-remove-irritants = Remove internal irritants
action-remove-irritants-desc = Identify the processes, approvals and tools that cost employees the most effort, starting with those that also slow customers down. Simplify or remove them one by one, so that employees spend their energy on customers rather than on internal hurdles.

action-equip = Equip employees at least as well as customers
action-equip-desc = Give employees the same information and apps that customers have in hand, or better: tablets in store, a customer history shared across channels. No customer should know more about their own file than the employee serving them.

action-empower = Empower the front line
action-empower-desc = Give front-line employees explicit room to decide in the customer's favour (goodwill gestures, exceptions, solutions on the spot) within clear limits. Treat mistakes made in good faith as lessons to share, not as faults to punish.

action-recognise = Recognise and thank
action-recognise-desc = Recognise good service behaviours when they happen, not only sales results. Pass customer compliments on to the people concerned and share them with the whole team.

action-share-voice = Share the voice of the customer
action-share-voice-desc = Every team regularly sees its own customer results and comments, presented in plain language. Teams call back unhappy customers to close the loop, and discuss together what they learn from them.

action-relational-skills = Develop relational skills
action-relational-skills-desc = Train and coach teams in listening, empathy and handling difficult situations, through role plays and real cases rather than lectures. Managers follow up in the field so that these skills are used day to day.

action-cooperate = Make support functions serve the front line
action-cooperate-desc = Back-office and head-office functions treat front-line teams as their customers, with service commitments and response times. Align information and procedures so that customers get one consistent answer whatever the channel.

action-live-the-promise = Live the relational promise
action-live-the-promise-desc = Make the brand's relational promise explicit: the kind of relationship the company wants with its customers. Apply it inside first, including care for people's health and for the environment, so that employees experience what they are asked to deliver.

## Status of an adopted action

action-status-planned = Planned
action-status-in_progress = In progress
action-status-done = Done
action-status-dropped = Dropped
