import Zongjie
