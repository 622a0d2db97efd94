app = None

print "starting"
