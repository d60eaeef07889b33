// Placeholder until EditLineReader lands; see LineEditor.
#include <histedit.h>
