/** The behavioural suite against the in-memory test layer. */
import { ConversationsTest } from "@sunco-effect/conversations"
import { behaviourSuite, seed } from "@sunco-effect/behaviour"

behaviourSuite("behaviour: test layer", ConversationsTest.layer({ seed }))
