/** The behavioural suite against the in-memory test layer. */
import { behaviourSuite, seed } from "@sunco-effect/behaviour"
import { ConversationsTest } from "@sunco-effect/conversations"

behaviourSuite("behaviour: test layer", ConversationsTest.layer({ seed }))
